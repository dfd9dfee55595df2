package dev.claimcheck.core.suite.tau2.retail;

import static dev.claimcheck.core.suite.tau2.port.ToolSchema.arrayOfStrings;
import static dev.claimcheck.core.suite.tau2.port.ToolSchema.string;
import static dev.claimcheck.core.suite.tau2.port.ToolSchema.tool;
import static dev.claimcheck.core.suite.tau2.retail.RetailReads.ORDER_ID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.DbRecords;
import dev.claimcheck.core.suite.tau2.port.PortedTool;
import dev.claimcheck.core.suite.tau2.port.ToolArgs;
import dev.claimcheck.core.suite.tau2.port.ToolError;
import java.util.List;

/** The retail tools over a delivered order: request an exchange or a return (the order records the request). */
final class RetailDelivered {
    private RetailDelivered() {
    }

    static List<PortedTool> tools() {
        return List.of(
                PortedTool.writes(tool("exchange_delivered_order_items", "Exchange items in a delivered order to new items of the "
                        + "same product type. For a delivered order, return or exchange can be only done once by the agent. The agent "
                        + "needs to explain the exchange detail and ask for explicit user confirmation (yes/no) to proceed.")
                        .param("order_id", string(), ORDER_ID)
                        .param("item_ids", arrayOfStrings(), "The item ids to be exchanged, each such as '1008292230'. There could be duplicate items in the list.")
                        .param("new_item_ids", arrayOfStrings(), "The item ids to be exchanged for, each such as '1008292230'. There could "
                                + "be duplicate items in the list. Each new item id should match the item id in the same position and be of the same product.")
                        .param("payment_method_id", string(), RetailPending.PAYMENT_METHOD_ID),
                        RetailDelivered::exchange),
                PortedTool.writes(tool("return_delivered_order_items", "Return some items of a delivered order. The order status will "
                        + "be changed to 'return requested'. The agent needs to explain the return detail and ask for explicit user "
                        + "confirmation (yes/no) to proceed. The user will receive follow-up email for how and where to return the item.")
                        .param("order_id", string(), ORDER_ID)
                        .param("item_ids", arrayOfStrings(), "The item ids to be returned, each such as '1008292230'. There could be duplicate items in the list.")
                        .param("payment_method_id", string(), RetailPending.PAYMENT_METHOD_ID),
                        RetailDelivered::returned));
    }

    private static ObjectNode delivered(ObjectNode db, ToolArgs a, String what) {
        ObjectNode order = RetailData.order(db, a.text("order_id"));
        if (!RetailData.status(order).equals("delivered")) {
            throw new ToolError("Non-delivered order cannot be " + what);
        }
        return order;
    }

    /**
     * Status {@code exchange requested} with the old and new item ids (each list sorted), the payment method and the
     * price difference (rounded to cents); each new item an available variant of its old item's product, a gift card
     * covering the difference. Nothing is charged yet, as upstream.
     */
    private static ObjectNode exchange(ObjectNode db, ToolArgs a) {
        ObjectNode order = delivered(db, a, "exchanged");
        List<String> old = a.texts("item_ids");
        List<String> fresh = a.texts("new_item_ids");
        RetailData.holds(order, old, id -> "Number of " + id + " not found.");
        if (old.size() != fresh.size()) {
            throw new ToolError("The number of items to be exchanged should match.");
        }
        double diff = 0;
        for (int i = 0; i < old.size(); i++) {
            ObjectNode item = RetailData.orderItem(order, old.get(i));
            ObjectNode variant = RetailData.variant(db, item.path("product_id").asText(), fresh.get(i));
            if (!variant.path("available").asBoolean()) {
                throw new ToolError("New item " + fresh.get(i) + " not found or available");
            }
            diff += variant.path("price").asDouble() - item.path("price").asDouble();
        }
        diff = DbRecords.round2(diff);
        String methodId = a.text("payment_method_id");
        ObjectNode method = RetailData.paymentMethod(db, order.path("user_id").asText(), methodId);
        if (RetailData.giftCard(method) && method.path("balance").asDouble() < diff) {
            throw new ToolError("Insufficient gift card balance to pay for the price difference");
        }
        order.put("status", "exchange requested");
        order.set("exchange_items", RetailData.strings(RetailData.sorted(old)));
        order.set("exchange_new_items", RetailData.strings(RetailData.sorted(fresh)));
        order.put("exchange_payment_method_id", methodId);
        order.set("exchange_price_difference", DbRecords.amount(diff));
        return order;
    }

    /** Status {@code return requested} with the items (sorted) and the refund's method: the original one or a gift card. */
    private static ObjectNode returned(ObjectNode db, ToolArgs a) {
        ObjectNode order = delivered(db, a, "returned");
        String methodId = a.text("payment_method_id");
        ObjectNode method = RetailData.paymentMethod(db, order.path("user_id").asText(), methodId);
        String original = order.path("payment_history").path(0).path("payment_method_id").asText();
        if (!RetailData.giftCard(method) && !methodId.equals(original)) {
            throw new ToolError("Payment method should be the original payment method");
        }
        List<String> items = a.texts("item_ids");
        RetailData.holds(order, items, id -> "Some item not found");
        order.put("status", "return requested");
        order.set("return_items", RetailData.strings(RetailData.sorted(items)));
        order.put("return_payment_method_id", methodId);
        return order;
    }
}
