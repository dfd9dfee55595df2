package dev.claimcheck.core.suite.tau2.telecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.DomainPort;
import dev.claimcheck.core.suite.tau2.port.EnvFunctions;
import dev.claimcheck.core.suite.tau2.port.PortedTool;
import java.util.List;
import java.util.Optional;

/**
 * τ²-bench's telecom domain, written in Java from upstream's {@code src/tau2/domains/telecom/} ({@code tools.py},
 * {@code user_tools.py}, {@code environment.py}) at {@link #UPSTREAM}: the subset of agent and user tools that the
 * service and mobile-data families and bill payment need (docs/workloads/tau2.md "Built-in ports" lists which; any other tool answers
 * "not found"). The user's phone is the database's {@code user_db} part, so the DB check hashes it with the rest, as
 * upstream checks both databases.
 */
public final class TelecomDomain extends DomainPort {
    public static final String UPSTREAM = "2b80cb1fbdbb05697d079d63b8a032f6154aedd2";
    private static final List<PortedTool> USER_TOOLS = TelecomUserTools.tools();

    public TelecomDomain() {
        super("telecom", "telecom-port-2", UPSTREAM, TelecomAgentTools.tools());
    }

    @Override
    public List<PortedTool> userTools() {
        return USER_TOOLS;
    }

    /**
     * Upstream's {@code sync_tools}: the phone learns from the user's line (found by the phone number the scenario set)
     * whether it is active, allows roaming and has data left; a paid payment request sets its bill to Paid and is
     * cleared, and with none pending the customer's first bill awaiting payment becomes the phone's payment request.
     */
    @Override
    public void sync(ObjectNode db) {
        JsonNode phone = db.path(TelecomData.USER_DB).path("surroundings").path("phone_number");
        if (!phone.isTextual()) {
            return;
        }
        PhoneDevice p = PhoneDevice.of(db);
        ObjectNode line = TelecomData.lineByPhone(db, phone.asText());
        ObjectNode plan = TelecomData.plan(db, line.path("plan_id").asText());
        double allowed = plan.path("data_limit_gb").asDouble() + line.path("data_refueling_gb").asDouble();
        p.surroundings().put("line_active", line.path("status").asText().equals("Active"))
                .put("roaming_allowed", line.path("roaming_enabled").asBoolean(false))
                .put("mobile_data_usage_exceeded", line.path("data_used_gb").asDouble() >= allowed);
        syncPayment(db, p.surroundings(), phone.asText());
    }

    private static void syncPayment(ObjectNode db, ObjectNode surroundings, String phone) {
        JsonNode request = surroundings.path(TelecomUserTools.PAYMENT_REQUEST);
        if (request.isObject() && request.path("paid").asBoolean(false)) {
            TelecomData.bill(db, request.path("bill_id").asText()).put("status", "Paid");
            surroundings.putNull(TelecomUserTools.PAYMENT_REQUEST);
        }
        if (surroundings.path(TelecomUserTools.PAYMENT_REQUEST).isObject()) {
            return;
        }
        for (JsonNode id : TelecomData.customerByPhone(db, phone).path("bill_ids")) {
            ObjectNode bill = TelecomData.bill(db, id.asText());
            if (bill.path("status").asText().equals(TelecomData.AWAITING_PAYMENT)) {
                surroundings.putObject(TelecomUserTools.PAYMENT_REQUEST).put("bill_id", bill.path("bill_id").asText())
                        .put("amount_due", bill.path("total_due").asDouble()).put("paid", false);
                return;
            }
        }
    }

    @Override
    public Optional<EnvFunctions> envFunctions() {
        return Optional.of((db, envType, name, args) -> envType.equals("user")
                ? TelecomUserTools.run(db, name, args) : TelecomAgentTools.run(db, name, args));
    }
}
