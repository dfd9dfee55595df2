package dev.claimcheck.core.suite.tau2.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.DbRecords;
import dev.claimcheck.core.suite.tau2.port.ToolArgs;
import dev.claimcheck.core.suite.tau2.port.ToolError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The retail database ({@code products} with their {@code variants}, {@code users}, {@code orders}, each keyed by id) as
 * upstream's {@code RetailDB} holds it, and the look-ups its tools share. Unlike airline, upstream looks retail ids up
 * exactly, and says only what was not found ({@code Order not found}).
 */
final class RetailData {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RetailData() {
    }

    private static ObjectNode exact(ObjectNode db, String table, String id, String what) {
        JsonNode r = DbRecords.table(db, table).get(id);
        if (!(r instanceof ObjectNode o)) {
            throw new ToolError(what + " not found");
        }
        return o;
    }

    static ObjectNode order(ObjectNode db, String orderId) {
        return exact(db, "orders", orderId, "Order");
    }

    static ObjectNode user(ObjectNode db, String userId) {
        return exact(db, "users", userId, "User");
    }

    static ObjectNode product(ObjectNode db, String productId) {
        return exact(db, "products", productId, "Product");
    }

    /** An item (a product's variant) by its id, searched in every product. */
    static ObjectNode item(ObjectNode db, String itemId) {
        for (JsonNode p : DbRecords.table(db, "products")) {
            if (p.path("variants").get(itemId) instanceof ObjectNode v) {
                return v;
            }
        }
        throw new ToolError("Item not found");
    }

    static ObjectNode variant(ObjectNode db, String productId, String variantId) {
        if (!(product(db, productId).path("variants").get(variantId) instanceof ObjectNode v)) {
            throw new ToolError("Variant not found");
        }
        return v;
    }

    static ObjectNode paymentMethod(ObjectNode db, String userId, String paymentMethodId) {
        if (!(user(db, userId).path("payment_methods").get(paymentMethodId) instanceof ObjectNode m)) {
            throw new ToolError("Payment method not found");
        }
        return m;
    }

    static boolean giftCard(ObjectNode method) {
        return "gift_card".equals(method.path("source").asText());
    }

    /** A gift card's balance moved by {@code delta}, rounded to cents as upstream rounds it. */
    static void addToBalance(ObjectNode giftCard, double delta) {
        giftCard.set("balance", DbRecords.amount(DbRecords.round2(giftCard.path("balance").asDouble() + delta)));
    }

    static String status(ObjectNode order) {
        return order.path("status").asText();
    }

    static ArrayNode history(ObjectNode order) {
        return order.get("payment_history") instanceof ArrayNode a ? a : order.putArray("payment_history");
    }

    static ObjectNode payment(String type, double amount, String paymentMethodId) {
        ObjectNode p = F.objectNode().put("transaction_type", type);
        p.set("amount", DbRecords.amount(amount));
        return p.put("payment_method_id", paymentMethodId);
    }

    /** Each id of {@code wanted} occurs in the order's items at least as often as in {@code wanted}, or {@code error}. */
    static void holds(ObjectNode order, List<String> wanted, java.util.function.Function<String, String> error) {
        List<String> held = new ArrayList<>();
        order.path("items").forEach(i -> held.add(i.path("item_id").asText()));
        for (String id : wanted) {
            if (Collections.frequency(wanted, id) > Collections.frequency(held, id)) {
                throw new ToolError(error.apply(id));
            }
        }
    }

    /** The order's first item with this id, or {@code Item <id> not found}. */
    static ObjectNode orderItem(ObjectNode order, String itemId) {
        for (JsonNode i : order.path("items")) {
            if (i.path("item_id").asText().equals(itemId) && i instanceof ObjectNode o) {
                return o;
            }
        }
        throw new ToolError("Item " + itemId + " not found");
    }

    static List<String> sorted(List<String> ids) {
        List<String> s = new ArrayList<>(ids);
        Collections.sort(s);
        return s;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }

    /** {@code UserAddress} from a call's six address arguments, in upstream's field order. */
    static ObjectNode address(ToolArgs a) {
        ObjectNode out = F.objectNode();
        for (String f : List.of("address1", "address2", "city", "country", "state", "zip")) {
            out.put(f, a.text(f));
        }
        return out;
    }
}
