package dev.claimcheck.core.suite.tau2.telecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.ToolError;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's phone and surroundings (upstream's {@code TelecomUserDB}: {@code device}, {@code surroundings}) and the
 * rules upstream's {@code TelecomUserTools} applies to them: the network search after a setting changes, whether mobile
 * data works, the status bar. Fields hold upstream's enum values ({@code "connected"}, {@code "4G"}, {@code "good"} …).
 */
record PhoneDevice(ObjectNode device, ObjectNode surroundings) {
    static final String CONNECTED = "connected";
    static final String SEARCHING = "searching";
    static final String NO_SERVICE = "no_service";
    static final String NONE = "none";

    static PhoneDevice of(ObjectNode db) {
        JsonNode u = db.get(TelecomData.USER_DB);
        if (u == null || !(u.get("device") instanceof ObjectNode d) || !(u.get("surroundings") instanceof ObjectNode s)) {
            throw new ToolError("the database has no " + TelecomData.USER_DB + " with device and surroundings (the user's phone)");
        }
        return new PhoneDevice(d, s);
    }

    boolean flag(String field) {
        return device.path(field).asBoolean(false);
    }

    String text(String field, String dflt) {
        return device.path(field).asText(dflt);
    }

    /** The SIM as the phone reports it: missing when unseated, else its status. */
    String simStatus() {
        return flag("sim_card_missing") ? "missing" : text("sim_card_status", "active");
    }

    private String signal(String tech) {
        return surroundings.path("signal_strength").path(tech).asText(NONE);
    }

    private void connection(String status, String tech, String signal) {
        device.put("network_connection_status", status).put("network_technology_connected", tech)
                .put("network_signal_strength", signal);
    }

    /** Upstream's {@code simulate_network_search}: what the phone connects to given its SIM, mode, APN and line. */
    void networkSearch() {
        if (simStatus().equals("active")) {
            String tech = switch (text("network_mode_preference", "4g_5g_preferred")) {
                case "4g_5g_preferred" -> signal("5G").equals(NONE) ? "4G" : "5G";
                case "3g_only" -> "3G";
                case "2g_only" -> "2G";
                default -> "4G";
            };
            connection(CONNECTED, tech, signal(tech));
        } else {
            connection(NO_SERVICE, NONE, NONE);
        }
        boolean apnBroken = "broken".equals(device.path("active_apn_settings").path("apn_name").asText());
        if (flag("airplane_mode") || apnBroken || !surroundings.path("line_active").asBoolean(true)) {
            connection(NO_SERVICE, NONE, NONE);
        }
    }

    /** Upstream's {@code _get_mobile_data_working}. */
    boolean mobileDataWorking() {
        if (flag("airplane_mode") || text("network_signal_strength", NONE).equals(NONE)
                || text("network_connection_status", NO_SERVICE).equals(NO_SERVICE)) {
            return false;
        }
        if (surroundings.path("is_abroad").asBoolean(false)
                && (!flag("roaming_enabled") || !surroundings.path("roaming_allowed").asBoolean(false))) {
            return false;
        }
        return flag("data_enabled") && !surroundings.path("mobile_data_usage_exceeded").asBoolean(false);
    }

    /** Upstream's {@code _toggle_airplane_mode}: Wi-Fi drops either way, a VPN drops going on; then a network search. */
    boolean toggleAirplaneMode() {
        boolean wasOn = flag("airplane_mode");
        device.put("airplane_mode", !wasOn);
        if (!wasOn || flag("wifi_enabled")) {
            device.put("wifi_connected", false).putNull("wifi_ssid");
            device.put("wifi_signal_strength", NONE);
        }
        if (wasOn) {
            device.put("network_connection_status", SEARCHING);
        } else if (flag("vpn_connected")) {
            device.put("vpn_connected", false).putNull("vpn_details");
        }
        networkSearch();
        return !wasOn;
    }

    /** Flips a boolean setting and searches the network again (upstream's toggle_data and toggle_roaming). */
    boolean toggle(String field) {
        boolean now = !flag(field);
        device.put(field, now);
        networkSearch();
        return now;
    }

    /** Upstream's {@code _reboot_device}: the APN resets if asked to, then the network restarts. */
    String reboot() {
        List<String> lines = new ArrayList<>();
        JsonNode apn = device.path("active_apn_settings");
        if (apn.path("reset_at_reboot").asBoolean(false)) {
            lines.add("Resetting APN settings...");
            // Upstream's defaults for the fields this port models; the MMS URL is not (the MMS family is not ported).
            device.putObject("active_apn_settings").put("apn_name", "internet").put("reset_at_reboot", false);
        }
        lines.add("Restarting network services...");
        device.put("network_connection_status", SEARCHING);
        networkSearch();
        return String.join("\n", lines);
    }

    /** Upstream's status bar: airplane mode or signal, technology and data, then Wi-Fi, VPN and battery. */
    String statusBar() {
        List<String> shown = new ArrayList<>();
        if (flag("airplane_mode")) {
            shown.add("✈️ Airplane Mode");
        } else {
            shown.add(switch (text("network_signal_strength", NONE)) {
                case "poor" -> "📶¹ Poor";
                case "fair" -> "📶² Fair";
                case "good" -> "📶³ Good";
                case "excellent" -> "📶⁴ Excellent";
                default -> "📵 No Signal";
            });
            String tech = text("network_technology_connected", NONE);
            if (!tech.equals(NONE)) {
                shown.add(tech);
            }
            if (flag("data_enabled") && !tech.equals(NONE)) {
                shown.add("📱 Data Enabled");
                if (flag("data_saver_mode")) {
                    shown.add("🔽 Data Saver");
                }
            } else {
                shown.add("📵 Data Disabled");
            }
        }
        if (flag("wifi_enabled") && flag("wifi_connected")) {
            String ssid = device.path("wifi_ssid").asText("");
            shown.add(ssid.isEmpty() ? "📡 Enabled" : "📡 Connected to " + ssid);
        }
        if (flag("vpn_connected")) {
            shown.add("🔒 VPN Connected");
        }
        shown.add("🔋 " + device.path("battery_level").asInt(80) + "%");
        return String.join(" | ", shown);
    }
}
