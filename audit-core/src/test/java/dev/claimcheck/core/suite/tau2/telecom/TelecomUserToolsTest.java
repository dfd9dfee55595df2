package dev.claimcheck.core.suite.tau2.telecom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.PortedTool;
import dev.claimcheck.core.suite.tau2.port.ToolResult;
import org.junit.jupiter.api.Test;

/** The user's phone tools: each answers the new state with the status bar, and the network follows the settings. */
class TelecomUserToolsTest {
    final TelecomFixture t = new TelecomFixture().as("Ana Lima", "555-010-2001");

    @Test
    void theUserIsShownTwentyPhoneToolsAndTheAgentsAreUnknownToIt() {
        assertThat(t.port.userTools()).extracting(PortedTool::name).containsExactly("check_status_bar", "check_network_status",
                "check_sim_status", "toggle_airplane_mode", "toggle_data", "toggle_roaming", "reseat_sim_card", "reboot_device",
                "check_payment_request", "make_payment", "check_network_mode_preference", "set_network_mode_preference",
                "check_data_restriction_status", "toggle_data_saver_mode", "check_apn_settings", "reset_apn_settings",
                "check_vpn_status", "connect_vpn", "disconnect_vpn", "run_speed_test");
        assertThat(t.user("resume_line")).isEqualTo(new ToolResult("Error: Tool 'resume_line' not found.", true));
    }

    @Test
    void checksReportTheStatusBarTheNetworkAndTheSim() {
        assertThat(t.user("check_status_bar").text()).isEqualTo("Status Bar: 📶³ Good | 4G | 📱 Data Enabled | 🔋 80%");
        assertThat(t.user("check_network_status").text()).startsWith("Airplane Mode: OFF\nSIM Card Status: active\n"
                + "Cellular Connection: connected\nCellular Signal: good\nCellular Network Type: 4G\nMobile Data Enabled: Yes\n"
                + "Data Roaming Enabled: No\nWi-Fi Radio: OFF\nWi-Fi Connected: No");
        assertThat(t.user("check_sim_status").text()).isEqualTo("Your SIM card is active and working.");
    }

    @Test
    void airplaneModeCutsTheNetworkAndTurningItOffSearchesAgain() {
        assertThat(t.user("toggle_airplane_mode").text()).isEqualTo("Airplane Mode is now ON.\nStatus Bar: ✈️ Airplane Mode | 🔋 80%");
        assertThat(t.device("network_connection_status").asText()).isEqualTo("no_service");
        assertThat(t.user("toggle_airplane_mode").text()).startsWith("Airplane Mode is now OFF.");
        assertThat(t.device("network_connection_status").asText()).isEqualTo("connected");
        assertThat(t.device("network_technology_connected").asText()).isEqualTo("4G");
    }

    @Test
    void dataAndRoamingToggleTheirSettingAndTheBarShowsDataDisabled() {
        assertThat(t.user("toggle_data").text()).isEqualTo("Mobile Data is now OFF.\nStatus Bar: 📶³ Good | 4G | 📵 Data Disabled | 🔋 80%");
        assertThat(t.device("data_enabled").asBoolean()).isFalse();
        assertThat(t.user("toggle_roaming").text()).startsWith("Data Roaming is now ON.");
        assertThat(t.device("roaming_enabled").asBoolean()).isTrue();
    }

    @Test
    void anUnseatedSimHasNoServiceUntilReseated() {
        t.env("user", "unseat_sim_card", "{}");
        assertThat(t.user("check_sim_status").text()).isEqualTo("No SIM card detected in the phone.");
        assertThat(t.device("network_connection_status").asText()).isEqualTo("no_service");
        assertThat(t.user("reseat_sim_card").text()).startsWith("SIM card re-seated successfully.\nStatus Bar: 📶³ Good");
        assertThat(t.device("network_connection_status").asText()).isEqualTo("connected");
    }

    @Test
    void aRebootResetsTheApnWhenAskedAndReconnectsOnlyAnActiveLine() {
        ((ObjectNode) t.device("active_apn_settings")).put("apn_name", "broken").put("reset_at_reboot", true);
        assertThat(t.user("reboot_device").text()).startsWith("Resetting APN settings...\nRestarting network services...\nStatus Bar:");
        assertThat(t.device("active_apn_settings/apn_name").asText()).isEqualTo("internet");
        assertThat(t.device("network_connection_status").asText()).isEqualTo("connected");

        TelecomFixture ben = new TelecomFixture().as("Ben Okafor", "555-010-2002"); // line L1002 is suspended
        assertThat(ben.user("reboot_device").text()).isEqualTo("Restarting network services...\nStatus Bar: 📵 No Signal | 📵 Data Disabled | 🔋 80%");
        assertThat(ben.device("network_connection_status").asText()).isEqualTo("no_service");
    }

    @Test
    void theAgentsPaymentRequestReachesThePhoneAndPayingItSetsTheBillPaidAtTheNextSync() {
        assertThat(t.user("check_payment_request").text()).isEqualTo("No payment request has been made.");
        assertThat(t.user("make_payment").text()).isEqualTo("You do not have a payment request.");
        t.agent.ok("get_bills_for_customer", "{\"customer_id\":\"C1001\"}");
        t.agent.call("send_payment_request", "{\"customer_id\":\"C1001\",\"bill_id\":\"B1002\"}");
        t.port.sync(t.db);
        assertThat(t.user("check_payment_request").text()).isEqualTo("You have a payment request for bill B1002 of 34.0 USD.");
        assertThat(t.user("make_payment").text()).isEqualTo("Payment of 34.0 USD has been made for bill B1002.");
        assertThat(t.db.at("/bills/1/status").asText()).isEqualTo("Paid");
        assertThat(t.surroundings("payment_request").isNull()).isTrue();
        assertThat(t.user("check_payment_request").text()).isEqualTo("No payment request has been made.");
    }

    @Test
    void aBillAlreadyAwaitingPaymentIsRequestedOfItsOwnersPhoneOnly() {
        assertThat(new TelecomFixture().as("Ben Okafor", "555-010-2002").user("check_payment_request").text())
                .isEqualTo("You have a payment request for bill B1003 of 30.0 USD.");
        assertThat(t.surroundings("payment_request").isNull()).isTrue();
    }
}
