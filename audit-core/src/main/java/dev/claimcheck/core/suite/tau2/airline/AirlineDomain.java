package dev.claimcheck.core.suite.tau2.airline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.grade.tau2.Tau2Json;
import dev.claimcheck.core.suite.tau2.port.DomainPort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * τ²-bench's airline domain, its 14 agent tools written in Java from upstream's {@code src/tau2/domains/airline/tools.py}
 * and {@code data_model.py} at {@link #UPSTREAM} (docs/workloads/tau2.md "Built-in ports" lists where it differs).
 */
public final class AirlineDomain extends DomainPort {
    public static final String UPSTREAM = "4c7d1463bf3efe0fb85f9406fda4d0d00add1df8";

    public AirlineDomain() {
        super("airline", "airline-port-1", UPSTREAM, AirlineBooking.tools(), AirlineReads.tools(), AirlineUpdates.tools());
    }

    /**
     * As upstream's {@code FlightDB.get_hash}: a reservation's passengers compare as a multiset (their order is
     * incidental), everything else in order.
     */
    @Override
    public JsonNode forHash(ObjectNode db) {
        JsonNode reservations = db.get("reservations");
        if (reservations == null || !reservations.isObject()) {
            return db;
        }
        ObjectNode copy = db.deepCopy();
        copy.get("reservations").forEach(r -> {
            if (r.get("passengers") instanceof ArrayNode p) {
                List<JsonNode> sorted = new ArrayList<>();
                p.forEach(sorted::add);
                sorted.sort(Comparator.comparing(AirlineDomain::sortKey));
                p.removeAll();
                sorted.forEach(p::add);
            }
        });
        return copy;
    }

    /** The passenger with its fields in name order, as upstream sorts them by {@code json.dumps(sort_keys=True)}. */
    private static String sortKey(JsonNode passenger) {
        List<String> names = new ArrayList<>();
        passenger.fieldNames().forEachRemaining(names::add);
        names.sort(String::compareTo);
        StringBuilder key = new StringBuilder();
        names.forEach(n -> key.append(n).append('\u0000').append(Tau2Json.compactOf(passenger.get(n))).append('\u0000'));
        return key.toString();
    }
}
