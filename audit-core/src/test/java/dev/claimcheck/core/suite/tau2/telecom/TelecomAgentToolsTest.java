package dev.claimcheck.core.suite.tau2.telecom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.suite.tau2.port.PortFixture;
import dev.claimcheck.core.suite.tau2.port.PortedTool;
import org.junit.jupiter.api.Test;

/** The telecom port's agent tools on the fixture: lookups, resuming a line, roaming; each refusal changes nothing. */
class TelecomAgentToolsTest {
    final TelecomFixture t = new TelecomFixture();
    final PortFixture f = t.agent;

    @Test
    void theAgentIsShownTheTenPortedToolsAndNoneOfTheUsers() {
        assertThat(t.port.tools()).extracting(PortedTool::name).containsExactly("disable_roaming", "enable_roaming",
                "get_bills_for_customer", "get_customer_by_id", "get_customer_by_phone", "get_data_usage", "get_details_by_id",
                "resume_line", "send_payment_request", "transfer_to_human_agents");
        f.refused("toggle_airplane_mode", "{}", "Error: Tool 'toggle_airplane_mode' not found.");
        f.refused("refuel_data", "{\"customer_id\":\"C1001\",\"line_id\":\"L1001\",\"gb_amount\":1}", "Error: Tool 'refuel_data' not found.");
    }

    @Test
    void customersAreFoundByAnyWrittenFormOfTheirNumberAndRecordsByTheirIdsLetter() {
        assertThat(f.ok("get_customer_by_phone", "{\"phone_number\":\"(555) 010 2002\"}").get("customer_id").asText()).isEqualTo("C1002");
        assertThat(f.ok("get_customer_by_id", "{\"customer_id\":\"C1001\"}").get("full_name").asText()).isEqualTo("Ana Lima");
        assertThat(f.ok("get_details_by_id", "{\"id\":\"L1002\"}").get("status").asText()).isEqualTo("Suspended");
        assertThat(f.ok("get_details_by_id", "{\"id\":\"P1001\"}").get("data_limit_gb").asDouble()).isEqualTo(5.0);
        assertThat(f.ok("get_details_by_id", "{\"id\":\"D1001\"}").get("model").asText()).isEqualTo("Pixel Test");
        f.refused("get_customer_by_phone", "{\"phone_number\":\"555-999-0000\"}", "Error: Customer with phone number 555-999-0000 not found");
        f.refused("get_details_by_id", "{\"id\":\"X1\"}", "Error: Unknown ID format or type: X1");
        f.refused("get_details_by_id", "{\"id\":\"B404\"}", "Error: Bill with ID B404 not found");
    }

    @Test
    void aSuspendedLineIsResumedOnlyForItsOwnerAndOnlyOnce() {
        f.refused("resume_line", "{\"customer_id\":\"C1001\",\"line_id\":\"L1002\"}", "Error: Line L1002 not found for customer C1001");
        assertThat(f.ok("resume_line", "{\"customer_id\":\"C1002\",\"line_id\":\"L1002\"}").get("message").asText())
                .isEqualTo("Line resumed successfully");
        assertThat(f.at("/lines/1/status").asText()).isEqualTo("Active");
        assertThat(f.at("/lines/1/suspension_start_date").isNull()).isTrue();
        f.refused("resume_line", "{\"customer_id\":\"C1002\",\"line_id\":\"L1002\"}", "Error: Line must be suspended to resume");
    }

    @Test
    void roamingIsSwitchedOnTheLineAndSayingSoTwiceChangesNothing() {
        assertThat(f.call("enable_roaming", "{\"customer_id\":\"C1001\",\"line_id\":\"L1001\"}").text()).isEqualTo("Roaming enabled successfully");
        assertThat(f.at("/lines/0/roaming_enabled").asBoolean()).isTrue();
        assertThat(f.call("enable_roaming", "{\"customer_id\":\"C1001\",\"line_id\":\"L1001\"}").text()).isEqualTo("Roaming was already enabled");
        assertThat(f.call("disable_roaming", "{\"customer_id\":\"C1001\",\"line_id\":\"L1001\"}").text()).isEqualTo("Roaming disabled successfully");
        assertThat(f.at("/lines/0/roaming_enabled").asBoolean()).isFalse();
        f.refused("enable_roaming", "{\"customer_id\":\"C9\",\"line_id\":\"L1001\"}", "Error: Customer with ID C9 not found");
    }

    @Test
    void billsAreListedNewestFirstUpToTheLimit() {
        assertThat(f.ok("get_bills_for_customer", "{\"customer_id\":\"C1001\"}").findValuesAsText("bill_id"))
                .containsExactly("B1002", "B1001");
        assertThat(f.ok("get_bills_for_customer", "{\"customer_id\":\"C1001\",\"limit\":1}").findValuesAsText("bill_id"))
                .containsExactly("B1002");
        f.refused("get_bills_for_customer", "{\"customer_id\":\"C1001\",\"limit\":\"all\"}",
                "Error: argument limit must be an integer, got \"all\"");
    }

    @Test
    void aPaymentRequestMarksTheOwnersBillAwaitingPaymentOneBillAtATime() {
        f.refused("send_payment_request", "{\"customer_id\":\"C1001\",\"bill_id\":\"B1003\"}", "Error: Bill B1003 not found for customer C1001");
        f.refused("send_payment_request", "{\"customer_id\":\"C1002\",\"bill_id\":\"B1003\"}",
                "Error: A bill is already awaiting payment for this customer");
        assertThat(f.call("send_payment_request", "{\"customer_id\":\"C1001\",\"bill_id\":\"B1002\"}").text())
                .isEqualTo("Payment request sent to the customer for bill B1002");
        assertThat(f.at("/bills/1/status").asText()).isEqualTo("Awaiting Payment");
        f.refused("send_payment_request", "{\"customer_id\":\"C1001\",\"bill_id\":\"B1001\"}",
                "Error: A bill is already awaiting payment for this customer");
        assertThat(f.at("/bills/0/status").asText()).isEqualTo("Paid");
    }

    @Test
    void theRefuellingAssertionComparesTheLinesRefuelledGigabytesWithinAMillionth() {
        ((com.fasterxml.jackson.databind.node.ObjectNode) t.db.get("lines").get(0)).put("data_refueling_gb", 0.1 + 0.2);
        String args = "{\"customer_id\":\"C1001\",\"line_id\":\"L1001\",\"expected_amount\":%s}";
        assertThat(t.env("assistant", "assert_data_refueling_amount", args.formatted("0.3")).asBoolean()).isTrue();
        assertThat(t.env("assistant", "assert_data_refueling_amount", args.formatted("1.0")).asBoolean()).isFalse();
    }

    @Test
    void dataUsageReportsTheLinesUseAgainstItsPlanUntilTheCycleEnds() {
        assertThat(f.ok("get_data_usage", "{\"customer_id\":\"C1001\",\"line_id\":\"L1001\"}").toString()).isEqualTo(
                "{\"line_id\":\"L1001\",\"data_used_gb\":1.5,\"data_limit_gb\":5.0,\"data_refueling_gb\":0.0,\"cycle_end_date\":\"2025-02-28\"}");
        f.refused("get_data_usage", "{\"customer_id\":\"C1001\",\"line_id\":\"L1002\"}", "Error: Line L1002 not found for customer C1001");
    }
}
