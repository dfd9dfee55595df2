package dev.claimcheck.core.suite.tau2.telecom;

import static dev.claimcheck.core.suite.tau2.port.ToolSchema.string;
import static dev.claimcheck.core.suite.tau2.port.ToolSchema.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.claimcheck.core.suite.tau2.port.PortedTool;
import dev.claimcheck.core.suite.tau2.port.ToolArgs;
import dev.claimcheck.core.suite.tau2.port.ToolError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The rest of the mobile-data family's phone settings in upstream's {@code TelecomUserTools}: network mode preference,
 * Data Saver, APN reset, VPN and the speed test; with the functions that break them for a scenario and assert on them.
 */
final class TelecomDeviceTools {
    static final List<String> MODES = List.of("4g_5g_preferred", "4g_only", "3g_only", "2g_only");

    private TelecomDeviceTools() {
    }

    static List<PortedTool> tools() {
        return List.of(
                PortedTool.reads(tool("check_network_mode_preference", "Shows the current network mode preference."),
                        (db, a) -> "Network Mode Preference: " + PhoneDevice.of(db).text("network_mode_preference", MODES.get(0))),
                PortedTool.writes(tool("set_network_mode_preference", "Changes the type of cellular network your phone prefers to "
                        + "connect to (e.g., 5G, LTE/4G, 3G). Higher-speed networks (LTE/5G) provide faster data but may use more battery.")
                        .param("mode", string(), "The network mode preference: one of " + String.join(", ", MODES) + "."),
                        (db, a) -> bar(db, setMode(PhoneDevice.of(db), a.text("mode")))),
                PortedTool.reads(tool("check_data_restriction_status", "Checks if your phone has any data-limiting features active. "
                        + "Shows if Data Saver mode is on."), (db, a) -> PhoneDevice.of(db).flag("data_saver_mode")
                                ? "Data Saver mode is ON (limits data usage)." : "Data Saver mode is OFF."),
                PortedTool.writes(tool("toggle_data_saver_mode", "Toggles Data Saver mode ON or OFF. When ON, it reduces data usage, "
                        + "which may affect data speed.\nReturns the new data saver mode status."), (db, a) -> {
                            PhoneDevice p = PhoneDevice.of(db);
                            boolean on = !p.flag("data_saver_mode");
                            p.device().put("data_saver_mode", on); // upstream searches no network here
                            return bar(db, "Data Saver Mode is now " + (on ? "ON" : "OFF") + ".");
                        }),
                PortedTool.reads(tool("check_apn_settings", "Checks the technical APN settings your phone uses to connect to your "
                        + "carrier's mobile data network. Shows current APN name and MMSC URL for picture messaging."),
                        (db, a) -> apnSettings(PhoneDevice.of(db))),
                PortedTool.writes(tool("reset_apn_settings", "Resets your APN settings to the default settings."), (db, a) -> {
                    PhoneDevice p = PhoneDevice.of(db);
                    apn(p).put("reset_at_reboot", true);
                    p.networkSearch();
                    return bar(db, "APN settings will reset at reboot.");
                }),
                PortedTool.reads(tool("check_vpn_status", "Checks if you're using a VPN (Virtual Private Network) connection. Shows "
                        + "if a VPN is active, connected, and displays any available connection details."), (db, a) -> vpnStatus(PhoneDevice.of(db))),
                PortedTool.writes(tool("connect_vpn", "Connects to your VPN (Virtual Private Network)."),
                        (db, a) -> connectVpn(PhoneDevice.of(db)) ? bar(db, "VPN connected successfully.") : "VPN already connected."),
                PortedTool.writes(tool("disconnect_vpn", "Disconnects any active VPN (Virtual Private Network) connection. Stops "
                        + "routing your internet traffic through a VPN server, which might affect connection speed or access to content."),
                        (db, a) -> bar(db, disconnectVpn(PhoneDevice.of(db))
                                ? "VPN disconnected successfully." : "No active VPN connection to disconnect.")),
                PortedTool.reads(tool("run_speed_test", "Measures your current internet connection speed (download speed). Provides "
                        + "information about connection quality and what activities it can support."),
                        (db, a) -> SpeedTest.of(PhoneDevice.of(db)).report()));
    }

    /** The scenario functions and assertions of this family; empty for a name that is not one of them. */
    static Optional<JsonNode> run(PhoneDevice p, String name, ToolArgs a) {
        return Optional.ofNullable(switch (name) {
            case "break_apn_settings" -> {
                apn(p).put("apn_name", "broken");
                p.networkSearch();
                yield TextNode.valueOf("APN settings broken. Please call reset_apn_settings() to fix.");
            }
            case "break_vpn" -> {
                connectVpn(p);
                ((ObjectNode) p.device().get("vpn_details")).put("server_performance", "poor");
                yield TextNode.valueOf("VPN connection broken.");
            }
            case "turn_data_saver_mode_on", "turn_data_saver_mode_off" -> {
                boolean on = name.endsWith("_on");
                p.device().put("data_saver_mode", on);
                yield TextNode.valueOf("Data Saver Mode is now " + (on ? "ON" : "OFF") + ".");
            }
            case "set_network_mode_preference" -> TextNode.valueOf(setMode(p, a.text("mode")));
            case "assert_mobile_data_saver_mode_status" -> BooleanNode.valueOf(p.flag("data_saver_mode") == TelecomUserTools.bool(a, "expected_status"));
            case "assert_internet_speed" -> {
                SpeedTest t = SpeedTest.of(p);
                JsonNode desc = a.node().get("expected_desc");
                boolean fast = t.mbps() >= number(a, "expected_speed");
                yield BooleanNode.valueOf(desc == null || desc.isNull() ? fast : fast && t.description().equalsIgnoreCase(desc.asText()));
            }
            case "assert_internet_not_excellent" -> BooleanNode.valueOf(!SpeedTest.of(p).description().equalsIgnoreCase("excellent"));
            default -> null;
        });
    }

    private static String setMode(PhoneDevice p, String mode) {
        if (!MODES.contains(mode)) {
            return "Failed to set network mode: '" + mode + "' is not a valid option. Please use one of: " + String.join(", ", MODES);
        }
        p.device().put("network_mode_preference", mode);
        p.networkSearch();
        return "Preferred Network Mode set to: " + mode;
    }

    private static ObjectNode apn(PhoneDevice p) {
        return p.device().get("active_apn_settings") instanceof ObjectNode s ? s : p.device().putObject("active_apn_settings");
    }

    /** A field the database leaves out has upstream's default (its MMSC URL); one set to null reads "Not Set". */
    private static String apnSettings(PhoneDevice p) {
        JsonNode s = p.device().path("active_apn_settings");
        JsonNode mmsc = s.has("mmsc_url") ? s.get("mmsc_url") : TextNode.valueOf("http://mms.carrier.com/mms/wapenc");
        return "Current APN Name: " + s.path("apn_name").asText("internet") + "\nMMSC URL (for picture messages): "
                + (mmsc.isNull() || mmsc.asText().isEmpty() ? "Not Set" : mmsc.asText())
                + "\n(These are technical settings, usually best left unchanged.)";
    }

    /** Upstream's {@code _connect_vpn}: false when already connected, else connects with its default VPN details. */
    private static boolean connectVpn(PhoneDevice p) {
        if (p.flag("vpn_connected")) {
            return false;
        }
        p.device().put("vpn_connected", true).putObject("vpn_details").put("server_address", "192.168.1.1")
                .put("protocol", "OpenVPN").put("server_performance", "excellent");
        return true;
    }

    private static boolean disconnectVpn(PhoneDevice p) {
        if (!p.flag("vpn_connected")) {
            return false;
        }
        p.device().put("vpn_connected", false).putNull("vpn_details");
        return true;
    }

    /** The details as Python prints the dict upstream formats (each enum by its value: a difference, see the docs). */
    private static String vpnStatus(PhoneDevice p) {
        if (p.flag("vpn_connected")) {
            JsonNode d = p.device().path("vpn_details");
            if (!d.isObject()) {
                return "VPN is ON and connected (no specific details available).";
            }
            StringBuilder out = new StringBuilder();
            d.fields().forEachRemaining(e -> out.append(out.isEmpty() ? "" : ", ").append('\'').append(e.getKey()).append("': ")
                    .append(e.getValue().isNull() ? "None" : "'" + e.getValue().asText() + "'"));
            return "VPN is ON and connected. Details: {" + out + "}";
        }
        return p.flag("vpn_enabled_setting") ? "VPN is turned ON in settings, but currently not connected." : "VPN is turned OFF.";
    }

    private static String bar(ObjectNode db, String update) {
        return update + "\nStatus Bar: " + PhoneDevice.of(db).statusBar();
    }

    private static double number(ToolArgs a, String field) {
        JsonNode v = a.node().get(field);
        if (v == null || !v.isNumber()) {
            throw new ToolError("argument " + field + " must be a number, got " + v);
        }
        return v.asDouble();
    }

    /** Upstream's {@code _run_speed_test}: no connection, or a speed from technology, signal, VPN and Data Saver. */
    record SpeedTest(double mbps, String description) {
        static SpeedTest of(PhoneDevice p) {
            if (!p.mobileDataWorking()) {
                return new SpeedTest(0.0, "No Connection");
            }
            JsonNode vpn = p.device().path("vpn_details");
            double factor = p.flag("vpn_connected") && vpn.path("server_performance").asText().equals("poor") ? 0.1 : 1.0;
            if (p.flag("data_saver_mode")) {
                factor *= 0.2;
            }
            double[] range = switch (p.text("network_technology_connected", PhoneDevice.NONE)) {
                case "2G" -> new double[] {0.1, 0.4};
                case "3G" -> new double[] {1.0, 5.0};
                case "4G" -> new double[] {10.0, 100.0};
                case "5G" -> new double[] {50.0, 500.0};
                default -> new double[] {0.0, 0.0};
            };
            double signal = switch (p.text("network_signal_strength", PhoneDevice.NONE)) {
                case "poor" -> 0.2;
                case "fair" -> 0.5;
                case "good" -> 0.8;
                case "excellent" -> 1.0;
                default -> 0.0;
            };
            // Python's round(x, 2) rounds the double's exact value, as BigDecimal of it does.
            double speed = new BigDecimal((range[0] + range[1]) / 2.0 * signal * factor).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
            String desc = speed < 1 ? "Very Poor" : speed < 5 ? "Poor" : speed < 25 ? "Fair" : speed < 100 ? "Good" : "Excellent";
            return new SpeedTest(speed, desc);
        }

        String report() {
            if (description.equals("No Connection")) {
                return "Speed test failed: No Connection.";
            }
            String advice = switch (description) {
                case "Very Poor" -> "Connection is very slow. Basic web browsing might be difficult.";
                case "Poor" -> "Connection is slow. Web browsing may be sluggish, streaming difficult.";
                case "Fair" -> "Connection is okay for web browsing and some standard definition streaming.";
                case "Good" -> "Connection is good for most activities, including HD streaming.";
                default -> "Connection is very fast.";
            };
            return "Speed Test Result: " + new BigDecimal(mbps).setScale(2, RoundingMode.HALF_EVEN).toPlainString()
                    + " Mbps (" + description + "). " + advice;
        }
    }
}
