package dev.claimcheck.core.suite.tau2.retail;

import static dev.claimcheck.core.suite.tau2.port.ToolSchema.string;
import static dev.claimcheck.core.suite.tau2.port.ToolSchema.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.CommonTools;
import dev.claimcheck.core.suite.tau2.port.DbRecords;
import dev.claimcheck.core.suite.tau2.port.PortedTool;
import dev.claimcheck.core.suite.tau2.port.ToolArgs;
import dev.claimcheck.core.suite.tau2.port.ToolError;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** The retail tools that change nothing: finding the user, the order, product and item details. */
final class RetailReads {
    static final String ORDER_ID = "The order id, such as '#W0000000'. Be careful there is a '#' symbol at the beginning of the order id.";
    static final String USER_ID = "The user id, such as 'sara_doe_496'.";

    private RetailReads() {
    }

    static java.util.List<PortedTool> tools() {
        return java.util.List.of(
                CommonTools.calculate(),
                PortedTool.reads(tool("find_user_id_by_email", "Find user id by email. If the user is not found, the function "
                        + "will return an error message.").param("email", string(), "The email of the user, such as 'something@example.com'."),
                        RetailReads::byEmail),
                PortedTool.reads(tool("find_user_id_by_name_zip", "Find user id by first name, last name, and zip code. If the user "
                        + "is not found, the function will return an error message. By default, find user id by email, and only "
                        + "call this function if the user is not found by email or cannot remember email.")
                        .param("first_name", string(), "The first name of the customer, such as 'John'.")
                        .param("last_name", string(), "The last name of the customer, such as 'Doe'.")
                        .param("zip", string(), "The zip code of the customer, such as '12345'."), RetailReads::byNameZip),
                PortedTool.reads(tool("get_item_details", "Get the inventory details of an item.")
                        .param("item_id", string(), "The item id, such as '6086499569'. Be careful the item id is different from the product id."),
                        (db, a) -> RetailData.item(db, a.text("item_id"))),
                PortedTool.reads(tool("get_order_details", "Get the status and details of an order.").param("order_id", string(), ORDER_ID),
                        (db, a) -> RetailData.order(db, a.text("order_id"))),
                PortedTool.reads(tool("get_product_details", "Get the inventory details of a product.")
                        .param("product_id", string(), "The product id, such as '6086499569'. Be careful the product id is different from the item id."),
                        (db, a) -> RetailData.product(db, a.text("product_id"))),
                PortedTool.reads(tool("get_user_details", "Get the details of a user, including their orders.").param("user_id", string(), USER_ID),
                        (db, a) -> RetailData.user(db, a.text("user_id"))),
                PortedTool.reads(tool("list_all_product_types", "List the name and product id of all product types. Each product "
                        + "type has a variety of different items with unique item ids and options. There are only 50 product types in the store."),
                        (db, a) -> productTypes(db)),
                CommonTools.transferToHumanAgents());
    }

    /** The first user (in the database's order) whose email matches ignoring case and accents. */
    private static String byEmail(ObjectNode db, ToolArgs a) {
        String email = a.text("email");
        for (Iterator<Map.Entry<String, JsonNode>> it = DbRecords.table(db, "users").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> u = it.next();
            if (DbRecords.sameFolded(email, u.getValue().path("email").asText())) {
                return u.getKey();
            }
        }
        throw new ToolError("User not found");
    }

    /** The first user whose names match ignoring case and accents and whose zip matches exactly. */
    private static String byNameZip(ObjectNode db, ToolArgs a) {
        String first = a.text("first_name");
        String last = a.text("last_name");
        String zip = a.text("zip");
        for (Iterator<Map.Entry<String, JsonNode>> it = DbRecords.table(db, "users").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> u = it.next();
            JsonNode user = u.getValue();
            if (DbRecords.sameFolded(first, user.at("/name/first_name").asText())
                    && DbRecords.sameFolded(last, user.at("/name/last_name").asText())
                    && zip.equals(user.at("/address/zip").asText())) {
                return u.getKey();
            }
        }
        throw new ToolError("User not found");
    }

    /**
     * Product name → product id, sorted by name, as the text Python's {@code json.dumps(..., sort_keys=True)} writes
     * ({@code {"A": "1", "B": "2"}}); a name that occurs twice keeps its last product, as a Python dict does.
     */
    private static String productTypes(ObjectNode db) {
        Map<String, String> byName = new TreeMap<>();
        for (JsonNode p : DbRecords.table(db, "products")) {
            byName.put(p.path("name").asText(), p.path("product_id").asText());
        }
        StringBuilder out = new StringBuilder("{");
        byName.forEach((name, id) -> out.append(out.length() > 1 ? ", " : "").append(quoted(name)).append(": ").append(quoted(id)));
        return out.append('}').toString();
    }

    private static String quoted(String s) {
        return RetailData.F.textNode(s).toString();
    }
}
