package dev.claimcheck.core.suite.tau2.telecom;

import static dev.claimcheck.core.suite.tau2.port.ToolSchema.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.claimcheck.core.suite.tau2.port.Calculator;
import dev.claimcheck.core.suite.tau2.port.EnvFunctions;
import dev.claimcheck.core.suite.tau2.port.PortedTool;
import dev.claimcheck.core.suite.tau2.port.ToolArgs;
import dev.claimcheck.core.suite.tau2.port.ToolError;
import java.util.List;
import java.util.stream.Stream;

/**
 * The user's phone tools of upstream's {@code TelecomUserTools} that the service and mobile-data families need (status
 * bar, network and SIM checks; airplane mode, mobile data and roaming toggles; re-seating the SIM; rebooting), the bill
 * payment the agent requested, and the user-side environment functions that set up a scenario or assert on it.
 */
final class TelecomUserTools {
    /** Upstream's {@code UserSurroundings.payment_request}: {@code bill_id}, {@code amount_due}, {@code paid}. */
    static final String PAYMENT_REQUEST = "payment_request";

    private TelecomUserTools() {
    }

    static List<PortedTool> tools() {
        return Stream.concat(Stream.of(
                PortedTool.reads(tool("check_status_bar", "Shows what icons are currently visible in your phone's status bar (the "
                        + "area at the top of the screen). Displays network signal strength, mobile data status (enabled, disabled, "
                        + "data saver), Wi-Fi status, and battery level."), (db, a) -> "Status Bar: " + PhoneDevice.of(db).statusBar()),
                PortedTool.reads(tool("check_network_status", "Checks your phone's connection status to cellular networks and Wi-Fi. "
                        + "Shows airplane mode status, signal strength, network type, whether mobile data is enabled, and whether data "
                        + "roaming is enabled."), (db, a) -> networkStatus(PhoneDevice.of(db))),
                PortedTool.reads(tool("check_sim_status", "Checks if your SIM card is working correctly and displays its current status. "
                        + "Shows if the SIM is active, missing, or locked with a PIN or PUK code."), (db, a) -> simStatus(PhoneDevice.of(db))),
                PortedTool.writes(tool("toggle_airplane_mode", "Toggles Airplane Mode ON or OFF. When ON, it disconnects all wireless "
                        + "communications including cellular, Wi-Fi, and Bluetooth.\nReturns the new state of airplane_mode."),
                        (db, a) -> withBar(db, "Airplane Mode is now " + onOff(PhoneDevice.of(db).toggleAirplaneMode()) + ".")),
                PortedTool.writes(tool("toggle_data", "Toggles your phone's mobile data connection ON or OFF. Controls whether your "
                        + "phone can use cellular data for internet access when Wi-Fi is unavailable.\nReturns the new data connection status."),
                        (db, a) -> withBar(db, "Mobile Data is now " + onOff(PhoneDevice.of(db).toggle("data_enabled")) + ".")),
                PortedTool.writes(tool("toggle_roaming", "Toggles Data Roaming ON or OFF. When ON, your phone can use data networks in "
                        + "areas outside your carrier's coverage.\nReturns the new data roaming status."),
                        (db, a) -> withBar(db, "Data Roaming is now " + onOff(PhoneDevice.of(db).toggle("roaming_enabled")) + ".")),
                PortedTool.writes(tool("reseat_sim_card", "Simulates removing and reinserting your SIM card. This can help resolve "
                        + "recognition issues."), (db, a) -> {
                            PhoneDevice p = PhoneDevice.of(db);
                            p.device().put("sim_card_missing", false);
                            p.networkSearch();
                            return withBar(db, "SIM card re-seated successfully.");
                        }),
                PortedTool.writes(tool("reboot_device", "Restarts your phone completely. This can help resolve many temporary software "
                        + "glitches by refreshing all running services and connections."), (db, a) -> withBar(db, PhoneDevice.of(db).reboot())),
                PortedTool.reads(tool("check_payment_request", "Checks if the agent has sent you a payment request."), (db, a) -> {
                    JsonNode r = PhoneDevice.of(db).surroundings().path(PAYMENT_REQUEST);
                    return r.isObject() ? "You have a payment request for bill " + r.path("bill_id").asText() + " of "
                            + amount(r) + " USD." : "No payment request has been made.";
                }),
                // Paying only marks the request paid; the next sync sets the bill to Paid, as upstream's does.
                PortedTool.writes(tool("make_payment", "Makes a payment for the bill that the agent has sent you."), (db, a) -> {
                    JsonNode r = PhoneDevice.of(db).surroundings().path(PAYMENT_REQUEST);
                    if (!(r instanceof ObjectNode request)) {
                        return "You do not have a payment request.";
                    }
                    request.put("paid", true);
                    return "Payment of " + amount(r) + " USD has been made for bill " + r.path("bill_id").asText() + ".";
                })), TelecomDeviceTools.tools().stream()).toList();
    }

    /**
     * The user-side functions a task's initial state or assertions call: upstream's {@code set_user_info},
     * {@code set_user_location}, the {@code turn_*} setters and {@code unseat_sim_card}, and its {@code assert_*} checks
     * of airplane mode, service, mobile data and roaming.
     */
    static JsonNode run(ObjectNode db, String name, ToolArgs a) {
        PhoneDevice p = PhoneDevice.of(db);
        return switch (name) {
            case "set_user_info" -> {
                p.surroundings().put("name", a.text("name")).put("phone_number", a.text("phone_number"));
                yield TextNode.valueOf("User info set.");
            }
            case "set_user_location" -> {
                p.surroundings().put("is_abroad", bool(a, "abroad"));
                yield TextNode.valueOf("User location set.");
            }
            case "turn_airplane_mode_on" -> set(p, "airplane_mode", true);
            case "turn_airplane_mode_off" -> set(p, "airplane_mode", false);
            case "turn_data_off" -> set(p, "data_enabled", false);
            case "turn_data_on" -> {
                p.device().put("data_enabled", true); // upstream turns it on without a network search
                yield TextNode.valueOf("Data connection restored.");
            }
            case "turn_roaming_on" -> set(p, "roaming_enabled", true);
            case "turn_roaming_off" -> set(p, "roaming_enabled", false);
            case "unseat_sim_card" -> {
                p.device().put("sim_card_missing", true);
                p.networkSearch();
                yield TextNode.valueOf("SIM card un-seated successfully.");
            }
            case "assert_airplane_mode_status" -> BooleanNode.valueOf(p.flag("airplane_mode") == bool(a, "expected_status"));
            case "assert_service_status" -> BooleanNode.valueOf(
                    p.text("network_connection_status", PhoneDevice.NO_SERVICE).equals(a.choice("expected_status",
                            List.of(PhoneDevice.CONNECTED, PhoneDevice.SEARCHING, PhoneDevice.NO_SERVICE, "emergency_only"))));
            case "assert_mobile_data_status" -> BooleanNode.valueOf(p.mobileDataWorking() == bool(a, "expected_status"));
            case "assert_mobile_roaming_status" -> BooleanNode.valueOf(p.flag("roaming_enabled") == bool(a, "expected_status"));
            default -> TelecomDeviceTools.run(p, name, a).orElseThrow(() -> new ToolError(
                    EnvFunctions.UNKNOWN + " user." + name + " (not ported; docs/workloads/tau2.md \"Built-in ports\")"));
        };
    }

    /** A {@code turn_*} setter: toggles only when the setting differs, so its network search runs as upstream's does. */
    private static JsonNode set(PhoneDevice p, String field, boolean on) {
        if (p.flag(field) != on) {
            if (field.equals("airplane_mode")) {
                p.toggleAirplaneMode();
            } else {
                p.toggle(field);
            }
        }
        return TextNode.valueOf(field + " is now " + onOff(on) + ".");
    }

    static boolean bool(ToolArgs a, String field) {
        JsonNode v = a.node().get(field);
        if (v == null || !v.isBoolean()) {
            throw new ToolError("argument " + field + " must be a boolean, got " + v);
        }
        return v.asBoolean();
    }

    private static String withBar(ObjectNode db, String update) {
        return update + "\nStatus Bar: " + PhoneDevice.of(db).statusBar();
    }

    private static String amount(JsonNode request) {
        return Calculator.pythonFloat(request.path("amount_due").asDouble());
    }

    private static String onOff(boolean on) {
        return on ? "ON" : "OFF";
    }

    private static String simStatus(PhoneDevice p) {
        return switch (p.simStatus()) {
            case "active" -> "Your SIM card is active and working.";
            case "missing" -> "No SIM card detected in the phone.";
            case "locked_pin" -> "The SIM card is locked with a PIN code.";
            case "locked_puk" -> "The SIM card is locked with a PUK code.";
            default -> "Unknown SIM status: " + p.simStatus();
        };
    }

    private static String networkStatus(PhoneDevice p) {
        boolean wifi = p.flag("wifi_connected");
        String out = String.join("\n",
                "Airplane Mode: " + onOff(p.flag("airplane_mode")),
                "SIM Card Status: " + p.simStatus(),
                "Cellular Connection: " + p.text("network_connection_status", PhoneDevice.NO_SERVICE),
                "Cellular Signal: " + p.text("network_signal_strength", PhoneDevice.NONE),
                "Cellular Network Type: " + p.text("network_technology_connected", PhoneDevice.NONE),
                "Mobile Data Enabled: " + (p.flag("data_enabled") ? "Yes" : "No"),
                "Data Roaming Enabled: " + (p.flag("roaming_enabled") ? "Yes" : "No"),
                "Wi-Fi Radio: " + onOff(p.flag("wifi_enabled")),
                "Wi-Fi Connected: " + (wifi ? "Yes" : "No"));
        return wifi ? out + "\nConnected Wi-Fi Network: " + p.device().path("wifi_ssid").asText() : out;
    }
}
