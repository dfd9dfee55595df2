package dev.claimcheck.core.suite.tau2.telecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.ToolError;
import org.junit.jupiter.api.Test;

/**
 * The environment functions a task calls: the initialization actions that set the phone up, the sync that tells the
 * phone about its line, and each environment assertion.
 */
class TelecomEnvFunctionsTest {
    final TelecomFixture t = new TelecomFixture().as("Ana Lima", "555-010-2001");

    @Test
    void theSyncTellsThePhoneWhetherItsLineIsActiveAllowsRoamingAndHasDataLeft() {
        assertThat(t.surroundings("line_active").asBoolean()).isTrue();
        assertThat(t.surroundings("roaming_allowed").asBoolean()).isFalse();
        assertThat(t.surroundings("mobile_data_usage_exceeded").asBoolean()).isFalse();
        t.agent.ok("enable_roaming", "{\"customer_id\":\"C1001\",\"line_id\":\"L1001\"}");
        ((ObjectNode) t.db.get("lines").get(0)).put("data_used_gb", 5.0); // the plan's 5 GB used up
        t.port.sync(t.db);
        assertThat(t.surroundings("roaming_allowed").asBoolean()).isTrue();
        assertThat(t.surroundings("mobile_data_usage_exceeded").asBoolean()).isTrue();
        assertThat(new TelecomFixture().as("Ben Okafor", "555-010-2002").surroundings("line_active").asBoolean()).isFalse();
    }

    @Test
    void theScenarioSettersChangeOnlyWhatDiffers() {
        t.env("user", "turn_airplane_mode_on", "{}");
        t.env("user", "turn_airplane_mode_on", "{}");
        assertThat(t.device("airplane_mode").asBoolean()).isTrue();
        t.env("user", "turn_airplane_mode_off", "{}");
        t.env("user", "turn_data_off", "{}");
        t.env("user", "turn_roaming_on", "{}");
        t.env("user", "set_user_location", "{\"abroad\":true}");
        assertThat(t.device("data_enabled").asBoolean()).isFalse();
        assertThat(t.device("roaming_enabled").asBoolean()).isTrue();
        assertThat(t.surroundings("is_abroad").asBoolean()).isTrue();
        t.env("user", "turn_data_on", "{}");
        t.env("user", "turn_roaming_off", "{}");
        assertThat(t.device("data_enabled").asBoolean()).isTrue();
        assertThat(t.device("roaming_enabled").asBoolean()).isFalse();
    }

    @Test
    void airplaneModeAndServiceAssertionsReadThePhone() {
        assertThat(t.holds("assert_airplane_mode_status", "{\"expected_status\":false}")).isTrue();
        assertThat(t.holds("assert_service_status", "{\"expected_status\":\"connected\"}")).isTrue();
        t.env("user", "turn_airplane_mode_on", "{}");
        assertThat(t.holds("assert_airplane_mode_status", "{\"expected_status\":false}")).isFalse();
        assertThat(t.holds("assert_service_status", "{\"expected_status\":\"no_service\"}")).isTrue();
        assertThatThrownBy(() -> t.holds("assert_service_status", "{\"expected_status\":\"Active\"}")).isInstanceOf(ToolError.class)
                .hasMessageContaining("expected_status must be one of");
    }

    @Test
    void mobileDataWorksAbroadOnlyWithRoamingOnThePhoneAndOnTheLine() {
        assertThat(t.holds("assert_mobile_data_status", "{\"expected_status\":true}")).isTrue();
        t.env("user", "set_user_location", "{\"abroad\":true}");
        assertThat(t.holds("assert_mobile_data_status", "{\"expected_status\":false}")).isTrue();
        t.env("user", "turn_roaming_on", "{}");
        assertThat(t.holds("assert_mobile_roaming_status", "{\"expected_status\":true}")).isTrue();
        assertThat(t.holds("assert_mobile_data_status", "{\"expected_status\":true}")).as("the line does not allow roaming").isFalse();
        t.agent.ok("enable_roaming", "{\"customer_id\":\"C1001\",\"line_id\":\"L1001\"}");
        t.port.sync(t.db);
        assertThat(t.holds("assert_mobile_data_status", "{\"expected_status\":true}")).isTrue();
    }

    @Test
    void theLineStatusAssertionReadsTheAgentsDatabase() {
        assertThat(t.holds("assert_line_status", "{\"customer_id\":\"C1002\",\"line_id\":\"L1002\",\"expected_status\":\"Suspended\"}")).isTrue();
        t.agent.ok("resume_line", "{\"customer_id\":\"C1002\",\"line_id\":\"L1002\"}");
        assertThat(t.holds("assert_line_status", "{\"customer_id\":\"C1002\",\"line_id\":\"L1002\",\"expected_status\":\"Active\"}")).isTrue();
    }

    @Test
    void aFunctionThePortDoesNotRunIsRefusedByName() {
        assertThatThrownBy(() -> t.env("user", "break_apn_mms_setting", "{}")).isInstanceOf(ToolError.class)
                .hasMessage("unknown environment function user.break_apn_mms_setting (not ported; docs/workloads/tau2.md \"Built-in ports\")");
        assertThatThrownBy(() -> t.env("assistant", "assert_overdue_bill_exists", "{}")).isInstanceOf(ToolError.class)
                .hasMessageStartingWith("unknown environment function assistant.assert_overdue_bill_exists");
    }
}
