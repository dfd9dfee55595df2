package dev.claimcheck.core.suite.tau2.retail;

import static dev.claimcheck.core.suite.tau2.port.ToolSchema.arrayOfStrings;
import static dev.claimcheck.core.suite.tau2.port.ToolSchema.string;
import static dev.claimcheck.core.suite.tau2.port.ToolSchema.tool;
import static dev.claimcheck.core.suite.tau2.retail.RetailReads.ORDER_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.PortedTool;
import dev.claimcheck.core.suite.tau2.port.ToolArgs;
import dev.claimcheck.core.suite.tau2.port.ToolError;
import dev.claimcheck.core.suite.tau2.port.ToolSchema;
import java.util.ArrayList;
import java.util.List;

/** The retail tools over a pending order (cancel it, change its address, items or payment) and the user's address. */
final class RetailPending {
    static final String PAYMENT_METHOD_ID = "The payment method id to pay or receive refund for the item price difference, "
            + "such as 'gift_card_0000000' or 'credit_card_0000000'. These can be looked up from the user or order details.";
    private static final String CONFIRM = " The agent needs to explain the modification detail and ask for explicit user "
            + "confirmation (yes/no) to proceed.";

    private RetailPending() {
    }

    /** The six address parameters, as upstream's signatures give them. */
    static ToolSchema withAddress(ToolSchema t) {
        return t.param("address1", string(), "The first line of the address, such as '123 Main St'.")
                .param("address2", string(), "The second line of the address, such as 'Apt 1' or ''.")
                .param("city", string(), "The city, such as 'San Francisco'.").param("state", string(), "The state, such as 'CA'.")
                .param("country", string(), "The country, such as 'USA'.").param("zip", string(), "The zip code, such as '12345'.");
    }

    static List<PortedTool> tools() {
        return List.of(
                PortedTool.writes(tool("cancel_pending_order", "Cancel a pending order. If the order is already processed or "
                        + "delivered, it cannot be cancelled. The agent needs to explain the cancellation detail and ask for explicit "
                        + "user confirmation (yes/no) to proceed. If the user confirms, the order status will be changed to "
                        + "'cancelled' and the payment will be refunded. The refund will be added to the user's gift card balance "
                        + "immediately if the payment was made using a gift card, otherwise the refund would take 5-7 business days "
                        + "to process. The function returns the order details after the cancellation.")
                        .param("order_id", string(), ORDER_ID)
                        .param("reason", string(), "The reason for cancellation, which should be either 'no longer needed' or 'ordered by mistake'."),
                        RetailPending::cancel),
                PortedTool.writes(withAddress(tool("modify_pending_order_address", "Modify the shipping address of a pending order." + CONFIRM)
                        .param("order_id", string(), ORDER_ID)), RetailPending::address),
                PortedTool.writes(tool("modify_pending_order_items", "Modify items in a pending order to new items of the same product "
                        + "type. For a pending order, this function can only be called once." + CONFIRM.replace("modification", "exchange"))
                        .param("order_id", string(), ORDER_ID)
                        .param("item_ids", arrayOfStrings(), "The item ids to be modified, each such as '1008292230'. There could be duplicate items in the list.")
                        .param("new_item_ids", arrayOfStrings(), "The item ids to be modified for, each such as '1008292230'. There could be "
                                + "duplicate items in the list. Each new item id should match the item id in the same position and be of the same product.")
                        .param("payment_method_id", string(), PAYMENT_METHOD_ID), RetailPending::items),
                PortedTool.writes(tool("modify_pending_order_payment", "Modify the payment method of a pending order." + CONFIRM)
                        .param("order_id", string(), ORDER_ID).param("payment_method_id", string(), PAYMENT_METHOD_ID), RetailPending::payment),
                PortedTool.writes(withAddress(tool("modify_user_address", "Modify the default address of a user." + CONFIRM)
                        .param("user_id", string(), RetailReads.USER_ID)), RetailPending::userAddress));
    }

    /** Status {@code cancelled}, the reason kept, every payment refunded (at once to a gift card, rounded to cents). */
    private static ObjectNode cancel(ObjectNode db, ToolArgs a) {
        ObjectNode order = RetailData.order(db, a.text("order_id"));
        if (!RetailData.status(order).equals("pending")) {
            throw new ToolError("Non-pending order cannot be cancelled");
        }
        String reason = a.text("reason");
        if (!List.of("no longer needed", "ordered by mistake").contains(reason)) {
            throw new ToolError("Invalid reason");
        }
        String userId = order.path("user_id").asText();
        List<JsonNode> paid = new ArrayList<>();
        RetailData.history(order).forEach(paid::add);
        for (JsonNode p : paid) {
            RetailData.paymentMethod(db, userId, p.path("payment_method_id").asText()); // every method checked before any refund
        }
        ArrayNode refunds = RetailData.F.arrayNode();
        for (JsonNode p : paid) {
            ObjectNode method = RetailData.paymentMethod(db, userId, p.path("payment_method_id").asText());
            refunds.add(RetailData.payment("refund", p.path("amount").asDouble(), p.path("payment_method_id").asText()));
            if (RetailData.giftCard(method)) {
                RetailData.addToBalance(method, p.path("amount").asDouble());
            }
        }
        order.put("status", "cancelled").put("cancel_reason", reason);
        RetailData.history(order).addAll(refunds);
        return order;
    }

    /** Any order whose status contains {@code pending} (also {@code pending (item modified)}), as upstream checks. */
    private static ObjectNode pendingish(ObjectNode db, ToolArgs a) {
        ObjectNode order = RetailData.order(db, a.text("order_id"));
        if (!RetailData.status(order).contains("pending")) {
            throw new ToolError("Non-pending order cannot be modified");
        }
        return order;
    }

    private static ObjectNode address(ObjectNode db, ToolArgs a) {
        ObjectNode order = pendingish(db, a);
        order.set("address", RetailData.address(a));
        return order;
    }

    /**
     * Items swapped for other variants of their products (only in a {@code pending} order, each to a different,
     * available variant); the price difference paid or refunded through the payment method (a gift card must cover
     * it). As upstream, every swapped item takes the price and options of the last new variant named.
     */
    private static ObjectNode items(ObjectNode db, ToolArgs a) {
        ObjectNode order = RetailData.order(db, a.text("order_id"));
        if (!RetailData.status(order).equals("pending")) {
            throw new ToolError("Non-pending order cannot be modified");
        }
        List<String> old = a.texts("item_ids");
        List<String> fresh = a.texts("new_item_ids");
        RetailData.holds(order, old, id -> id + " not found");
        if (old.size() != fresh.size()) {
            throw new ToolError("The number of items to be exchanged should match");
        }
        double diff = 0;
        ObjectNode variant = null;
        for (int i = 0; i < old.size(); i++) {
            if (old.get(i).equals(fresh.get(i))) {
                throw new ToolError("The new item id should be different from the old item id");
            }
            ObjectNode item = RetailData.orderItem(order, old.get(i));
            variant = RetailData.variant(db, item.path("product_id").asText(), fresh.get(i));
            if (!variant.path("available").asBoolean()) {
                throw new ToolError("New item " + fresh.get(i) + " not found or available");
            }
            diff += variant.path("price").asDouble() - item.path("price").asDouble();
        }
        String methodId = a.text("payment_method_id");
        ObjectNode method = RetailData.paymentMethod(db, order.path("user_id").asText(), methodId);
        if (RetailData.giftCard(method) && method.path("balance").asDouble() < diff) {
            throw new ToolError("Insufficient gift card balance to pay for the new item");
        }
        RetailData.history(order).add(RetailData.payment(diff > 0 ? "payment" : "refund", Math.abs(diff), methodId));
        if (RetailData.giftCard(method)) {
            RetailData.addToBalance(method, -diff);
        }
        for (int i = 0; i < old.size(); i++) {
            ObjectNode item = RetailData.orderItem(order, old.get(i)); // a duplicate finds the next, the first now renamed
            item.put("item_id", fresh.get(i));
            item.set("price", variant.get("price").deepCopy());
            item.set("options", variant.path("options").deepCopy());
        }
        order.put("status", "pending (item modified)");
        return order;
    }

    /**
     * The order's single payment moved to another of the user's methods: the new one is charged (a gift card must
     * hold the amount), the old one refunded, gift-card balances moved to the cent.
     */
    private static ObjectNode payment(ObjectNode db, ToolArgs a) {
        ObjectNode order = pendingish(db, a);
        String userId = order.path("user_id").asText();
        String methodId = a.text("payment_method_id");
        ObjectNode method = RetailData.paymentMethod(db, userId, methodId);
        ArrayNode history = RetailData.history(order);
        if (history.size() != 1 || !history.get(0).path("transaction_type").asText().equals("payment")) {
            throw new ToolError("There should be exactly one payment for a pending order");
        }
        String oldId = history.get(0).path("payment_method_id").asText();
        if (oldId.equals(methodId)) {
            throw new ToolError("The new payment method should be different from the current one");
        }
        double amount = history.get(0).path("amount").asDouble();
        if (RetailData.giftCard(method) && method.path("balance").asDouble() < amount) {
            throw new ToolError("Insufficient gift card balance to pay for the order");
        }
        ObjectNode old = RetailData.paymentMethod(db, userId, oldId);
        history.add(RetailData.payment("payment", amount, methodId));
        history.add(RetailData.payment("refund", amount, oldId));
        if (RetailData.giftCard(method)) {
            RetailData.addToBalance(method, -amount);
        }
        if (RetailData.giftCard(old)) {
            RetailData.addToBalance(old, amount);
        }
        return order;
    }

    private static ObjectNode userAddress(ObjectNode db, ToolArgs a) {
        ObjectNode user = RetailData.user(db, a.text("user_id"));
        user.set("address", RetailData.address(a));
        return user;
    }
}
