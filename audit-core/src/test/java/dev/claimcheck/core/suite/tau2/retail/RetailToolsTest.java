package dev.claimcheck.core.suite.tau2.retail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.suite.tau2.port.PortFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The retail port's tools on the upstream-layout fixture: each effect on the database, and each refusal. */
class RetailToolsTest {
    static final Path DB = Path.of("src/test/resources/suites/tau2/upstream/domains/retail/db.json");
    final PortFixture f = new PortFixture(new RetailDomain(), DB);

    static final String LEO_ADDRESS = ",\"address1\":\"8 Harbor Rd\",\"address2\":\"\",\"city\":\"Salem\",\"state\":\"MA\",\"country\":\"USA\",\"zip\":\"01970\"}";

    @Test
    void usersAreFoundByEmailOrByNameIgnoringCaseAndAccentsButTheZipExactly() {
        assertThat(f.call("find_user_id_by_email", "{\"email\":\"MIA.park@example.com\"}").text()).isEqualTo("mia_park_301");
        assertThat(f.call("find_user_id_by_name_zip", "{\"first_name\":\"leo\",\"last_name\":\"RUIZ\",\"zip\":\"02108\"}").text())
                .isEqualTo("leo_ruiz_402");
        f.refused("find_user_id_by_name_zip", "{\"first_name\":\"Leo\",\"last_name\":\"Ruiz\",\"zip\":\"2108\"}", "Error: User not found");
        f.refused("find_user_id_by_email", "{\"email\":\"nobody@example.com\"}", "Error: User not found");
    }

    @Test
    void detailsAnswerTheRecordAndIdsAreLookedUpExactly() {
        assertThat(f.ok("get_order_details", "{\"order_id\":\"#W0000002\"}").get("status").asText()).isEqualTo("delivered");
        assertThat(f.ok("get_item_details", "{\"item_id\":\"3000000002\"}").get("price").asDouble()).isEqualTo(49.75);
        assertThat(f.ok("get_product_details", "{\"product_id\":\"1000000001\"}").get("variants")).hasSize(3);
        assertThat(f.ok("get_user_details", "{\"user_id\":\"mia_park_301\"}").get("orders")).hasSize(2);
        f.refused("get_order_details", "{\"order_id\":\"W0000002\"}", "Error: Order not found");
        f.refused("get_item_details", "{\"item_id\":\"1000000001\"}", "Error: Item not found");
        f.refused("get_product_details", "{\"product_id\":\"2000000001\"}", "Error: Product not found");
        f.refused("get_user_details", "{\"user_id\":\"Mia_Park_301\"}", "Error: User not found");
    }

    @Test
    void productTypesAreTheTextPythonsJsonDumpsWritesSortedByName() {
        assertThat(f.call("list_all_product_types", "{}").text()).isEqualTo("{\"Desk Lamp\": \"1000000002\", \"Water Bottle\": \"1000000001\"}");
        assertThat(f.call("calculate", "{\"expression\":\"49.75 - 45.25\"}").text()).isEqualTo("4.5");
    }

    @Test
    void cancellingAPendingOrderRefundsEveryPaymentAGiftCardAtOnce() {
        JsonNode o = f.ok("cancel_pending_order", "{\"order_id\":\"#W0000001\",\"reason\":\"no longer needed\"}");
        assertThat(o.get("status").asText()).isEqualTo("cancelled");
        assertThat(o.get("cancel_reason").asText()).isEqualTo("no longer needed");
        assertThat(f.at("/orders/#W0000001/payment_history/1").toString())
                .isEqualTo("{\"transaction_type\":\"refund\",\"amount\":65.75,\"payment_method_id\":\"gift_card_5002\"}");
        assertThat(f.at("/users/mia_park_301/payment_methods/gift_card_5002/balance").asDouble()).isEqualTo(125.75);
        f.refused("cancel_pending_order", "{\"order_id\":\"#W0000003\",\"reason\":\"too slow\"}", "Error: Invalid reason");
        f.refused("cancel_pending_order", "{\"order_id\":\"#W0000002\",\"reason\":\"ordered by mistake\"}",
                "Error: Non-pending order cannot be cancelled");
    }

    @Test
    void modifyingPendingItemsChargesTheDifferenceAndMarksTheOrderModified() {
        JsonNode o = f.ok("modify_pending_order_items", "{\"order_id\":\"#W0000003\",\"item_ids\":[\"2000000001\"],"
                + "\"new_item_ids\":[\"2000000002\"],\"payment_method_id\":\"paypal_6001\"}");
        assertThat(o.get("status").asText()).isEqualTo("pending (item modified)");
        assertThat(o.at("/items/0").toString()).isEqualTo("{\"name\":\"Water Bottle\",\"product_id\":\"1000000001\","
                + "\"item_id\":\"2000000002\",\"price\":28.0,\"options\":{\"capacity\":\"1000ml\",\"color\":\"blue\"}}");
        assertThat(o.at("/payment_history/1").toString())
                .isEqualTo("{\"transaction_type\":\"payment\",\"amount\":7.5,\"payment_method_id\":\"paypal_6001\"}");
        f.refused("modify_pending_order_items", "{\"order_id\":\"#W0000003\",\"item_ids\":[\"2000000002\"],"
                + "\"new_item_ids\":[\"2000000001\"],\"payment_method_id\":\"paypal_6001\"}", "Error: Non-pending order cannot be modified");
    }

    @Test
    void aPendingItemChangeIsRefusedForAMissingSameUnavailableOrUnaffordableItem() {
        String call = "{\"order_id\":\"#W0000001\",\"item_ids\":%s,\"new_item_ids\":%s,\"payment_method_id\":\"%s\"}";
        f.refused("modify_pending_order_items", call.formatted("[\"2000000001\",\"2000000001\"]", "[\"2000000002\",\"2000000002\"]", "gift_card_5002"),
                "Error: 2000000001 not found");
        f.refused("modify_pending_order_items", call.formatted("[\"2000000001\"]", "[]", "gift_card_5002"),
                "Error: The number of items to be exchanged should match");
        f.refused("modify_pending_order_items", call.formatted("[\"2000000001\"]", "[\"2000000001\"]", "gift_card_5002"),
                "Error: The new item id should be different from the old item id");
        f.refused("modify_pending_order_items", call.formatted("[\"2000000001\"]", "[\"2000000003\"]", "gift_card_5002"),
                "Error: New item 2000000003 not found or available");
        f.refused("modify_pending_order_items", call.formatted("[\"2000000001\"]", "[\"3000000002\"]", "gift_card_5002"),
                "Error: Variant not found");
        f.refused("modify_pending_order_items", call.formatted("[\"2000000001\"]", "[\"2000000002\"]", "paypal_6001"),
                "Error: Payment method not found");
        f.ok("modify_pending_order_payment", "{\"order_id\":\"#W0000001\",\"payment_method_id\":\"credit_card_5001\"}");
    }

    @Test
    void movingTheSinglePaymentChargesTheNewMethodAndRefundsTheOldGiftCard() {
        f.ok("modify_pending_order_payment", "{\"order_id\":\"#W0000001\",\"payment_method_id\":\"credit_card_5001\"}");
        assertThat(f.at("/orders/#W0000001/payment_history").findValuesAsText("transaction_type")).containsExactly("payment", "payment", "refund");
        assertThat(f.at("/users/mia_park_301/payment_methods/gift_card_5002/balance").asDouble()).isEqualTo(125.75);
        f.refused("modify_pending_order_payment", "{\"order_id\":\"#W0000001\",\"payment_method_id\":\"gift_card_5002\"}",
                "Error: There should be exactly one payment for a pending order");
        f.refused("modify_pending_order_payment", "{\"order_id\":\"#W0000003\",\"payment_method_id\":\"paypal_6001\"}",
                "Error: The new payment method should be different from the current one");
    }

    @Test
    void addressesOfAPendingOrderOrOfTheUserAreReplaced() {
        assertThat(f.ok("modify_pending_order_address", "{\"order_id\":\"#W0000003\"" + LEO_ADDRESS).at("/address/city").asText()).isEqualTo("Salem");
        assertThat(f.at("/orders/#W0000003/address").toString()).isEqualTo("{\"address1\":\"8 Harbor Rd\",\"address2\":\"\","
                + "\"city\":\"Salem\",\"country\":\"USA\",\"state\":\"MA\",\"zip\":\"01970\"}");
        f.ok("modify_user_address", "{\"user_id\":\"leo_ruiz_402\"" + LEO_ADDRESS);
        assertThat(f.at("/users/leo_ruiz_402/address/zip").asText()).isEqualTo("01970");
        f.refused("modify_pending_order_address", "{\"order_id\":\"#W0000002\"" + LEO_ADDRESS, "Error: Non-pending order cannot be modified");
        f.refused("modify_user_address", "{\"user_id\":\"leo_ruiz_402\",\"address1\":\"x\"}",
                "Error: modify_user_address() missing required argument 'address2'");
    }

    @Test
    void anExchangeOfADeliveredOrderRecordsTheRequestAndTheRoundedDifference() {
        JsonNode o = f.ok("exchange_delivered_order_items", "{\"order_id\":\"#W0000002\",\"item_ids\":[\"3000000001\"],"
                + "\"new_item_ids\":[\"3000000002\"],\"payment_method_id\":\"credit_card_5001\"}");
        assertThat(o.get("status").asText()).isEqualTo("exchange requested");
        assertThat(o.get("exchange_new_items").toString()).isEqualTo("[\"3000000002\"]");
        assertThat(o.get("exchange_price_difference").asDouble()).isEqualTo(4.5);
        assertThat(o.get("payment_history")).as("nothing charged yet").hasSize(1);
        f.refused("exchange_delivered_order_items", "{\"order_id\":\"#W0000001\",\"item_ids\":[],\"new_item_ids\":[],"
                + "\"payment_method_id\":\"credit_card_5001\"}", "Error: Non-delivered order cannot be exchanged");
    }

    @Test
    void aReturnGoesToTheOriginalMethodOrAGiftCard() {
        f.refused("return_delivered_order_items", "{\"order_id\":\"#W0000002\",\"item_ids\":[\"3000000001\"],\"payment_method_id\":\"paypal_6001\"}",
                "Error: Payment method not found");
        f.refused("return_delivered_order_items", "{\"order_id\":\"#W0000002\",\"item_ids\":[\"2000000001\"],\"payment_method_id\":\"gift_card_5002\"}",
                "Error: Some item not found");
        JsonNode o = f.ok("return_delivered_order_items", "{\"order_id\":\"#W0000002\",\"item_ids\":[\"3000000001\"],\"payment_method_id\":\"gift_card_5002\"}");
        assertThat(o.get("status").asText()).isEqualTo("return requested");
        assertThat(o.get("return_items").toString()).isEqualTo("[\"3000000001\"]");
        assertThat(o.get("return_payment_method_id").asText()).isEqualTo("gift_card_5002");
    }
}
