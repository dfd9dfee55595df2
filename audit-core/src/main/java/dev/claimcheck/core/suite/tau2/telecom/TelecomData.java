package dev.claimcheck.core.suite.tau2.telecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.ToolError;

/**
 * Lookups over telecom's agent database as upstream's {@code TelecomDB} holds it: lists {@code customers},
 * {@code lines}, {@code plans}, {@code devices} and {@code bills}, each record with its own id field. The user's phone
 * is apart, under {@link #USER_DB} ({@link PhoneDevice}).
 */
final class TelecomData {
    /** The user's side of the database (upstream's {@code TelecomUserDB}: {@code device} and {@code surroundings}). */
    static final String USER_DB = "user_db";
    /** Upstream's {@code BillStatus.AWAITING_PAYMENT} as stored. */
    static final String AWAITING_PAYMENT = "Awaiting Payment";

    private TelecomData() {
    }

    /** A phone number's digits: upstream matches numbers on them, whatever the punctuation. */
    static String digits(String phone) {
        return phone.replaceAll("\\D", "");
    }

    static JsonNode list(ObjectNode db, String name) {
        JsonNode l = db.get(name);
        if (l == null || !l.isArray()) {
            throw new ToolError("the database has no list " + name);
        }
        return l;
    }

    private static ObjectNode byId(ObjectNode db, String list, String idField, String id, String what) {
        for (JsonNode r : list(db, list)) {
            if (r.isObject() && id.equals(r.path(idField).asText(null))) {
                return (ObjectNode) r;
            }
        }
        throw new ToolError(what + " with ID " + id + " not found");
    }

    static ObjectNode customer(ObjectNode db, String id) {
        return byId(db, "customers", "customer_id", id, "Customer");
    }

    static ObjectNode line(ObjectNode db, String id) {
        return byId(db, "lines", "line_id", id, "Line");
    }

    static ObjectNode plan(ObjectNode db, String id) {
        return byId(db, "plans", "plan_id", id, "Plan");
    }

    static ObjectNode device(ObjectNode db, String id) {
        return byId(db, "devices", "device_id", id, "Device");
    }

    static ObjectNode bill(ObjectNode db, String id) {
        return byId(db, "bills", "bill_id", id, "Bill");
    }

    /** The line with this number (digits compared), as upstream's {@code _get_line_by_phone}. */
    static ObjectNode lineByPhone(ObjectNode db, String phone) {
        String wanted = digits(phone);
        for (JsonNode l : list(db, "lines")) {
            if (!wanted.isEmpty() && l.isObject() && digits(l.path("phone_number").asText()).equals(wanted)) {
                return (ObjectNode) l;
            }
        }
        throw new ToolError("Line with phone number " + phone + " not found");
    }

    /** The customer whose contact number, or one of whose lines' numbers, is this one. */
    static ObjectNode customerByPhone(ObjectNode db, String phone) {
        String wanted = digits(phone);
        if (!wanted.isEmpty()) {
            for (JsonNode c : list(db, "customers")) {
                if (digits(c.path("phone_number").asText()).equals(wanted)) {
                    return (ObjectNode) c;
                }
                for (JsonNode lineId : c.path("line_ids")) {
                    for (JsonNode l : list(db, "lines")) {
                        if (lineId.asText().equals(l.path("line_id").asText())
                                && digits(l.path("phone_number").asText()).equals(wanted)) {
                            return (ObjectNode) c;
                        }
                    }
                }
            }
        }
        throw new ToolError("Customer with phone number " + phone + " not found");
    }

    /** The customer's line {@code lineId}: upstream's {@code _get_target_line}, refusing a line of someone else. */
    static ObjectNode targetLine(ObjectNode db, String customerId, String lineId) {
        ObjectNode c = customer(db, customerId);
        boolean owns = false;
        for (JsonNode l : c.path("line_ids")) {
            owns |= l.asText().equals(lineId);
        }
        if (!owns) {
            throw new ToolError("Line " + lineId + " not found for customer " + customerId);
        }
        return line(db, lineId);
    }
}
