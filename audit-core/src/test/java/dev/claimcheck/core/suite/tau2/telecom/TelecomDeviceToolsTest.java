package dev.claimcheck.core.suite.tau2.telecom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The mobile-data family's settings: network mode, Data Saver, APN, VPN, and the speed test that reads them all. */
class TelecomDeviceToolsTest {
    final TelecomFixture t = new TelecomFixture().as("Ana Lima", "555-010-2001");

    @Test
    void theNetworkModeDecidesTheTechnologyAndAnUnknownModeChangesNothing() {
        assertThat(t.user("check_network_mode_preference").text()).isEqualTo("Network Mode Preference: 4g_5g_preferred");
        assertThat(t.user("set_network_mode_preference", "{\"mode\":\"2g_only\"}").text())
                .isEqualTo("Preferred Network Mode set to: 2g_only\nStatus Bar: 📶¹ Poor | 2G | 📱 Data Enabled | 🔋 80%");
        assertThat(t.user("run_speed_test").text()).startsWith("Speed Test Result: 0.05 Mbps (Very Poor).");
        assertThat(t.user("set_network_mode_preference", "{\"mode\":\"6g\"}").text()).startsWith("Failed to set network mode: '6g' "
                + "is not a valid option. Please use one of: 4g_5g_preferred, 4g_only, 3g_only, 2g_only\nStatus Bar:");
        assertThat(t.device("network_mode_preference").asText()).isEqualTo("2g_only");
    }

    @Test
    void theSpeedTestFollowsTechnologySignalDataSaverAndAPoorVpn() {
        assertThat(t.user("run_speed_test").text())
                .isEqualTo("Speed Test Result: 44.00 Mbps (Good). Connection is good for most activities, including HD streaming.");
        assertThat(t.user("toggle_data_saver_mode").text()).isEqualTo("Data Saver Mode is now ON.\n"
                + "Status Bar: 📶³ Good | 4G | 📱 Data Enabled | 🔽 Data Saver | 🔋 80%");
        assertThat(t.user("check_data_restriction_status").text()).isEqualTo("Data Saver mode is ON (limits data usage).");
        assertThat(t.user("run_speed_test").text()).startsWith("Speed Test Result: 8.80 Mbps (Fair).");
        t.env("user", "break_vpn", "{}");
        assertThat(t.user("run_speed_test").text()).startsWith("Speed Test Result: 0.88 Mbps (Very Poor).");
        assertThat(t.holds("assert_internet_speed", "{\"expected_speed\":5}")).isFalse();
        assertThat(t.holds("assert_internet_not_excellent", "{}")).isTrue();
        t.user("toggle_data");
        assertThat(t.user("run_speed_test").text()).isEqualTo("Speed test failed: No Connection.");
    }

    @Test
    void aBrokenApnCutsServiceUntilItIsResetAndThePhoneRebooted() {
        t.env("user", "break_apn_settings", "{}");
        assertThat(t.holds("assert_service_status", "{\"expected_status\":\"no_service\"}")).isTrue();
        assertThat(t.user("check_apn_settings").text()).startsWith("Current APN Name: broken\nMMSC URL (for picture messages): "
                + "http://mms.carrier.com/mms/wapenc\n");
        assertThat(t.user("reset_apn_settings").text()).startsWith("APN settings will reset at reboot.\nStatus Bar: 📵 No Signal");
        assertThat(t.user("reboot_device").text()).startsWith("Resetting APN settings...\nRestarting network services...");
        assertThat(t.holds("assert_mobile_data_status", "{\"expected_status\":true}")).isTrue();
    }

    @Test
    void aBrokenVpnIsFixedByDisconnectingIt() {
        assertThat(t.user("check_vpn_status").text()).isEqualTo("VPN is turned OFF.");
        assertThat(t.user("disconnect_vpn").text()).startsWith("No active VPN connection to disconnect.");
        t.env("user", "break_vpn", "{}");
        assertThat(t.user("check_vpn_status").text()).isEqualTo("VPN is ON and connected. Details: "
                + "{'server_address': '192.168.1.1', 'protocol': 'OpenVPN', 'server_performance': 'poor'}");
        assertThat(t.user("connect_vpn").text()).isEqualTo("VPN already connected.");
        assertThat(t.holds("assert_internet_speed", "{\"expected_speed\":40,\"expected_desc\":\"good\"}")).isFalse();
        assertThat(t.user("disconnect_vpn").text()).startsWith("VPN disconnected successfully.\nStatus Bar:");
        assertThat(t.holds("assert_internet_speed", "{\"expected_speed\":40,\"expected_desc\":\"good\"}")).isTrue();
    }

    @Test
    void dataSaverIsSetUpAndAssertedByItsOwnFunctions() {
        t.env("user", "turn_data_saver_mode_on", "{}");
        assertThat(t.holds("assert_mobile_data_saver_mode_status", "{\"expected_status\":true}")).isTrue();
        t.env("user", "turn_data_saver_mode_off", "{}");
        assertThat(t.holds("assert_mobile_data_saver_mode_status", "{\"expected_status\":true}")).isFalse();
    }
}
