package dev.claimcheck.core.suite.tau2.telecom;

import static dev.claimcheck.core.suite.tau2.port.ToolSchema.integer;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The agent tools of upstream's {@code TelecomTools} that the service and mobile-data families need: finding the
 * customer and any record by id, resuming a suspended line, switching a line's roaming, listing a customer's bills and
 * asking for a bill's payment, a line's data usage; plus the transfer to a human.
 */
final class TelecomAgentTools {
    static final String CUSTOMER_ID = "ID of the customer who owns the line.";
    /** Upstream's {@code utils.get_today}: a fixed date, so runs agree. */
    static final LocalDate TODAY = LocalDate.of(2025, 2, 25);

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
                PortedTool.reads(tool("get_bills_for_customer", "Retrieves a list of the customer's bills, most recent first.")
                        .param("customer_id", string(), "ID of the customer.")
                        .optional("limit", integer(), "Maximum number of bills to return."),
                        (db, a) -> bills(db, a.text("customer_id"), a.node().hasNonNull("limit") ? a.integer("limit") : 12)),
                PortedTool.writes(tool("send_payment_request", "Sends a payment request to the customer for a specific bill.\nChecks:\n"
                        + "    - Customer exists\n    - Bill exists and belongs to the customer\n    - No other bills are already awaiting "
                        + "payment for this customer\nLogic: Sets bill status to AWAITING_PAYMENT and notifies customer.\nWarning: This "
                        + "method does not check if the bill is already PAID.\nAlways check the bill status before calling this method.")
                        .param("customer_id", string(), "ID of the customer who owns the bill.")
                        .param("bill_id", string(), "ID of the bill to send payment request for."),
                        TelecomAgentTools::paymentRequest),
                PortedTool.reads(lineTool("get_data_usage", "Retrieves current billing cycle data usage for a line, including data\n"
                        + "refueling amount, data limit, and cycle end date.", "ID of the line to check usage for."),
                        TelecomAgentTools::dataUsage),
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

    /** The cycle ends with the month of upstream's fixed today ({@code utils.get_today}, 2025-02-25). */
    private static JsonNode dataUsage(ObjectNode db, ToolArgs a) {
        ObjectNode line = TelecomData.targetLine(db, a.text("customer_id"), a.text("line_id"));
        ObjectNode plan = TelecomData.plan(db, line.path("plan_id").asText());
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("line_id", a.text("line_id"));
        out.set("data_used_gb", line.path("data_used_gb"));
        out.set("data_limit_gb", plan.path("data_limit_gb"));
        out.set("data_refueling_gb", line.path("data_refueling_gb"));
        return out.put("cycle_end_date", TODAY.withDayOfMonth(TODAY.lengthOfMonth()).toString());
    }

    /** The customer's bills, newest issue date first (ISO dates sort as text), at most {@code limit}. */
    private static JsonNode bills(ObjectNode db, String customerId, int limit) {
        List<ObjectNode> bills = new ArrayList<>();
        for (JsonNode id : TelecomData.customer(db, customerId).path("bill_ids")) {
            bills.add(TelecomData.bill(db, id.asText()));
        }
        bills.sort(Comparator.comparing((ObjectNode b) -> b.path("issue_date").asText()).reversed());
        var out = JsonNodeFactory.instance.arrayNode();
        bills.stream().limit(Math.max(0, limit)).forEach(b -> out.add(b.deepCopy()));
        return out;
    }

    /** Upstream's order of checks: another bill awaiting payment is refused before the bill's owner is checked. */
    private static String paymentRequest(ObjectNode db, ToolArgs a) {
        String customerId = a.text("customer_id");
        String billId = a.text("bill_id");
        ObjectNode c = TelecomData.customer(db, customerId);
        boolean owns = false;
        for (JsonNode id : c.path("bill_ids")) {
            if (TelecomData.bill(db, id.asText()).path("status").asText().equals(TelecomData.AWAITING_PAYMENT)) {
                throw new ToolError("A bill is already awaiting payment for this customer");
            }
            owns |= id.asText().equals(billId);
        }
        if (!owns) {
            throw new ToolError("Bill " + billId + " not found for customer " + customerId);
        }
        TelecomData.bill(db, billId).put("status", TelecomData.AWAITING_PAYMENT);
        return "Payment request sent to the customer for bill " + billId;
    }

    /** The agent-side assertions a task may state: upstream's {@code assert_line_status}, {@code assert_data_refueling_amount}. */
    static JsonNode run(ObjectNode db, String name, ToolArgs a) {
        if (name.equals("assert_line_status")) {
            ObjectNode line = TelecomData.targetLine(db, a.text("customer_id"), a.text("line_id"));
            return BooleanNode.valueOf(line.path("status").asText().equals(a.text("expected_status")));
        }
        if (name.equals("assert_data_refueling_amount")) {
            ObjectNode line = TelecomData.targetLine(db, a.text("customer_id"), a.text("line_id"));
            JsonNode expected = a.node().get("expected_amount");
            if (expected == null || !expected.isNumber()) {
                throw new ToolError("argument expected_amount must be a number, got " + expected);
            }
            // Upstream compares within 1e-6, so 0.1 + 0.2 GB refuelled meets an expected 0.3.
            return BooleanNode.valueOf(Math.abs(line.path("data_refueling_gb").asDouble() - expected.asDouble()) < 1e-6);
        }
        throw new ToolError(EnvFunctions.UNKNOWN + " assistant." + name + " (not ported; docs/workloads/tau2.md \"Built-in ports\")");
    }
}
