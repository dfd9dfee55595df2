package dev.claimcheck.core.suite.tau2.telecom;

import static dev.claimcheck.core.suite.tau2.port.ToolSchema.string;
import static dev.claimcheck.core.suite.tau2.port.ToolSchema.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.CommonTools;
import dev.claimcheck.core.suite.tau2.port.EnvFunctions;
import dev.claimcheck.core.suite.tau2.port.PortedTool;
import dev.claimcheck.core.suite.tau2.port.ToolArgs;
import dev.claimcheck.core.suite.tau2.port.ToolError;
import dev.claimcheck.core.suite.tau2.port.ToolSchema;
import java.util.List;

/**
 * The agent tools of upstream's {@code TelecomTools} that the service and mobile-data families need: finding the
 * customer and any record by id, resuming a suspended line, and switching a line's roaming; plus the transfer to a human.
 */
final class TelecomAgentTools {
    static final String CUSTOMER_ID = "ID of the customer who owns the line.";

    private TelecomAgentTools() {
    }

    static List<PortedTool> tools() {
        return List.of(
                PortedTool.reads(tool("get_customer_by_phone", "Finds a customer by their primary contact or line phone number.")
                        .param("phone_number", string(), "The phone number to search for."),
                        (db, a) -> TelecomData.customerByPhone(db, a.text("phone_number"))),
                PortedTool.reads(tool("get_customer_by_id", "Retrieves a customer directly by their unique ID.")
                        .param("customer_id", string(), "The unique identifier of the customer."),
                        (db, a) -> TelecomData.customer(db, a.text("customer_id"))),
                PortedTool.reads(tool("get_details_by_id", "Retrieves the details for a given ID.\nThe ID must be a valid ID for a "
                        + "Customer, Line, Device, Bill, or Plan.").param("id", string(), "The ID of the object to retrieve."),
                        (db, a) -> details(db, a.text("id"))),
                PortedTool.writes(lineTool("resume_line", "Resumes a suspended line.\nChecks: Line status must be Suspended or Pending "
                        + "Activation.\nLogic: Sets line status to Active, clears suspension_start_date.", "ID of the line to resume."),
                        TelecomAgentTools::resume),
                PortedTool.writes(lineTool("enable_roaming", "Enables international roaming on a line.",
                        "ID of the line to enable roaming for."), (db, a) -> roaming(db, a, true)),
                PortedTool.writes(lineTool("disable_roaming", "Disables international roaming on a line.",
                        "ID of the line to disable roaming for."), (db, a) -> roaming(db, a, false)),
                CommonTools.transferToHumanAgents());
    }

    private static ToolSchema lineTool(String name, String description, String lineId) {
        return tool(name, description).param("customer_id", string(), CUSTOMER_ID).param("line_id", string(), lineId);
    }

    /** By the id's first letter, as upstream: L line, D device, B bill, C customer, P plan. */
    private static ObjectNode details(ObjectNode db, String id) {
        return switch (id.isEmpty() ? ' ' : id.charAt(0)) {
            case 'L' -> TelecomData.line(db, id);
            case 'D' -> TelecomData.device(db, id);
            case 'B' -> TelecomData.bill(db, id);
            case 'C' -> TelecomData.customer(db, id);
            case 'P' -> TelecomData.plan(db, id);
            default -> throw new ToolError("Unknown ID format or type: " + id);
        };
    }

    private static JsonNode resume(ObjectNode db, ToolArgs a) {
        ObjectNode line = TelecomData.targetLine(db, a.text("customer_id"), a.text("line_id"));
        String status = line.path("status").asText();
        if (!status.equals("Suspended") && !status.equals("Pending Activation")) {
            throw new ToolError("Line must be suspended to resume");
        }
        line.put("status", "Active").putNull("suspension_start_date");
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("message", "Line resumed successfully");
        out.set("line", line.deepCopy());
        return out;
    }

    private static String roaming(ObjectNode db, ToolArgs a, boolean on) {
        ObjectNode line = TelecomData.targetLine(db, a.text("customer_id"), a.text("line_id"));
        if (line.path("roaming_enabled").asBoolean(false) == on) {
            return "Roaming was already " + (on ? "enabled" : "disabled");
        }
        line.put("roaming_enabled", on);
        return "Roaming " + (on ? "enabled" : "disabled") + " successfully";
    }

    /** The agent-side assertions a task may state: upstream's {@code assert_line_status}. */
    static JsonNode run(ObjectNode db, String name, ToolArgs a) {
        if (name.equals("assert_line_status")) {
            ObjectNode line = TelecomData.targetLine(db, a.text("customer_id"), a.text("line_id"));
            return BooleanNode.valueOf(line.path("status").asText().equals(a.text("expected_status")));
        }
        throw new ToolError(EnvFunctions.UNKNOWN + " assistant." + name + " (not ported; docs/workloads/tau2.md \"Built-in ports\")");
    }
}
