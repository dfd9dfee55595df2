package dev.claimcheck.core.suite.tau2.airline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.DbRecords;
import dev.claimcheck.core.suite.tau2.port.ToolArgs;
import dev.claimcheck.core.suite.tau2.port.ToolError;
import java.util.Iterator;
import java.util.List;

/**
 * The airline database ({@code flights}, {@code users}, {@code reservations}, each keyed by id) as upstream's
 * {@code FlightDB} holds it, and the lookups its tools share, with upstream's error messages.
 */
final class AirlineData {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final List<String> CABINS = List.of("business", "economy", "basic_economy");
    /** Upstream's clock is fixed, so a booking's {@code created_at} is the same in a trial and in the reference replay. */
    static final String NOW = "2024-05-15T15:00:00";
    /** Upstream hands out these ids in order, assuming at most three new reservations (and certificates) a task. */
    static final List<String> NEW_RESERVATION_IDS = List.of("HATHAT", "HATHAU", "HATHAV");
    static final List<String> NEW_CERTIFICATE_IDS = List.of("certificate_3221322", "certificate_3221323", "certificate_3221324");

    private AirlineData() {
    }

    static ObjectNode user(ObjectNode db, String userId) {
        return DbRecords.record(db, "users", userId, "User");
    }

    static ObjectNode reservation(ObjectNode db, String reservationId) {
        return DbRecords.record(db, "reservations", reservationId, "Reservation");
    }

    static ObjectNode flight(ObjectNode db, String flightNumber) {
        return DbRecords.record(db, "flights", flightNumber, "Flight");
    }

    /** The flight's status on a date ({@code dates[date]}: {@code available} with seats and prices, or another status). */
    static ObjectNode instance(ObjectNode flight, String date) {
        JsonNode d = flight.path("dates").get(date);
        if (d == null || !d.isObject()) {
            throw new ToolError("Flight " + flight.path("flight_number").asText() + " not found on date " + date);
        }
        return (ObjectNode) d;
    }

    /** The user's saved payment method {@code paymentId} (exact id, as upstream looks it up), or null. */
    static ObjectNode paymentMethod(ObjectNode user, String paymentId) {
        JsonNode m = user.path("payment_methods").get(paymentId);
        return m instanceof ObjectNode o ? o : null;
    }

    static ArrayNode array(ObjectNode record, String field) {
        JsonNode a = record.get(field);
        if (a instanceof ArrayNode list) {
            return list;
        }
        ArrayNode created = record.putArray(field);
        return created;
    }

    static int passengers(ObjectNode reservation) {
        return reservation.path("passengers").size();
    }

    /** The passengers of a call, each as upstream's {@code Passenger}: first name, last name, date of birth. */
    static ArrayNode passengerRecords(ToolArgs args) {
        ArrayNode out = F.arrayNode();
        for (ToolArgs p : args.objects("passengers")) {
            out.addObject().put("first_name", p.text("first_name")).put("last_name", p.text("last_name")).put("dob", p.text("dob"));
        }
        return out;
    }

    /** A flight of a call ({@code FlightInfo}): its number and date. */
    record FlightInfo(String flightNumber, String date) {
        static List<FlightInfo> of(ToolArgs args) {
            return args.objects("flights").stream().map(f -> new FlightInfo(f.text("flight_number"), f.text("date"))).toList();
        }
    }

    /** {@code ReservationFlight}: the segment as a reservation stores it, with the price paid per passenger. */
    static ObjectNode reservationFlight(ObjectNode flight, String date, int price) {
        return F.objectNode().put("flight_number", flight.path("flight_number").asText())
                .put("origin", flight.path("origin").asText()).put("destination", flight.path("destination").asText())
                .put("date", date).put("price", price);
    }

    /** A bookable instance: available, with at least {@code seats} seats left in {@code cabin}. */
    static ObjectNode bookable(ObjectNode flight, String date, String cabin, int seats) {
        ObjectNode day = instance(flight, date);
        String number = flight.path("flight_number").asText();
        if (!"available".equals(day.path("status").asText())) {
            throw new ToolError("Flight " + number + " not available on date " + date);
        }
        if (day.path("available_seats").path(cabin).asInt(0) < seats) {
            throw new ToolError("Not enough seats on flight " + number);
        }
        return day;
    }

    /**
     * Upstream's direct-flight search: every flight (in the database's order) from {@code origin} to
     * {@code destination} (either may be null: any) that is available on {@code date} and leaves at or after
     * {@code leaveAfter} (compared as text, as upstream does), as a {@code DirectFlight}.
     */
    static ArrayNode direct(ObjectNode db, String date, String origin, String destination, String leaveAfter, boolean withDate) {
        ArrayNode out = F.arrayNode();
        for (Iterator<JsonNode> it = DbRecords.table(db, "flights").elements(); it.hasNext(); ) {
            JsonNode f = it.next();
            JsonNode day = f.path("dates").get(date);
            boolean match = (origin == null || origin.equals(f.path("origin").asText()))
                    && (destination == null || destination.equals(f.path("destination").asText()))
                    && day != null && "available".equals(day.path("status").asText())
                    && (leaveAfter == null || f.path("scheduled_departure_time_est").asText().compareTo(leaveAfter) >= 0);
            if (match) {
                ObjectNode d = out.addObject();
                for (String k : List.of("flight_number", "origin", "destination")) {
                    d.set(k, f.get(k));
                }
                d.put("status", "available");
                d.set("scheduled_departure_time_est", f.get("scheduled_departure_time_est"));
                d.set("scheduled_arrival_time_est", f.get("scheduled_arrival_time_est"));
                if (withDate) {
                    d.put("date", date);
                } else {
                    d.putNull("date");
                }
                d.set("available_seats", day.path("available_seats").deepCopy());
                d.set("prices", day.path("prices").deepCopy());
            }
        }
        return out;
    }
}
