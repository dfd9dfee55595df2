package dev.claimcheck.core.suite.tau2.airline;

import static dev.claimcheck.core.suite.tau2.port.ToolSchema.arrayOf;
import static dev.claimcheck.core.suite.tau2.port.ToolSchema.integer;
import static dev.claimcheck.core.suite.tau2.port.ToolSchema.object;
import static dev.claimcheck.core.suite.tau2.port.ToolSchema.oneOf;
import static dev.claimcheck.core.suite.tau2.port.ToolSchema.string;
import static dev.claimcheck.core.suite.tau2.port.ToolSchema.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.DbRecords;
import dev.claimcheck.core.suite.tau2.port.PortedTool;
import dev.claimcheck.core.suite.tau2.port.ToolArgs;
import dev.claimcheck.core.suite.tau2.port.ToolError;
import java.util.ArrayList;
import java.util.List;

/**
 * The airline tools that create or end things: book a reservation, cancel one, send a certificate. Each checks
 * everything upstream checks before it writes anything, so a refused call leaves the database as it was.
 */
final class AirlineBooking {
    static final ObjectNode FLIGHT_INFO = object(
            "flight_number", string(), "Flight number, such as 'HAT001'.",
            "date", string(), "The date for the flight in the format 'YYYY-MM-DD', such as '2024-05-01'.");
    static final ObjectNode PASSENGER = object(
            "first_name", string(), "Passenger's first name",
            "last_name", string(), "Passenger's last name",
            "dob", string(), "Date of birth in YYYY-MM-DD format");
    static final ObjectNode PAYMENT = object(
            "payment_id", string(), "Unique identifier for the payment",
            "amount", integer(), "Payment amount in dollars");

    private AirlineBooking() {
    }

    static List<PortedTool> tools() {
        return List.of(
                PortedTool.writes(tool("book_reservation", "Book a reservation.")
                        .param("user_id", string(), "The ID of the user to book the reservation such as 'sara_doe_496'`.")
                        .param("origin", string(), "The IATA code for the origin city such as 'SFO'.")
                        .param("destination", string(), "The IATA code for the destination city such as 'JFK'.")
                        .param("flight_type", oneOf("round_trip", "one_way"), "The type of flight such as 'one_way' or 'round_trip'.")
                        .param("cabin", oneOf("business", "economy", "basic_economy"),
                                "The cabin class such as 'basic_economy', 'economy', or 'business'.")
                        .param("flights", arrayOf(FLIGHT_INFO), "An array of objects containing details about each piece of flight.")
                        .param("passengers", arrayOf(PASSENGER), "An array of objects containing details about each passenger.")
                        .param("payment_methods", arrayOf(PAYMENT),
                                "An array of objects containing details about each payment method.")
                        .param("total_baggages", integer(), "The total number of baggage items to book the reservation.")
                        .param("nonfree_baggages", integer(), "The number of non-free baggage items to book the reservation.")
                        .param("insurance", oneOf("yes", "no"), "Whether the reservation has insurance."),
                        AirlineBooking::book),
                PortedTool.writes(tool("cancel_reservation", "Cancel the whole reservation.")
                        .param("reservation_id", string(), "The reservation ID, such as 'ZFA04Y'."), AirlineBooking::cancel),
                PortedTool.writes(tool("send_certificate", "Send a certificate to a user. Be careful!")
                        .param("user_id", string(), "The ID of the user to book the reservation, such as 'sara_doe_496'.")
                        .param("amount", integer(), "The amount of the certificate to send."), AirlineBooking::certificate));
    }

    private record Paid(String paymentId, int amount) {
    }

    /**
     * A new reservation (the next of upstream's fixed ids, created at its fixed time): the price is each flight's price
     * in the cabin times the passengers, plus 30 a passenger with insurance and 50 a non-free bag; the payments must be
     * the user's, gift cards and certificates must cover their part, and together they must add up to the price. Then
     * gift cards are charged, certificates used up, seats taken and the reservation filed under the user.
     */
    private static ObjectNode book(ObjectNode db, ToolArgs a) {
        List<AirlineData.FlightInfo> flights = AirlineData.FlightInfo.of(a);
        ArrayNode passengers = AirlineData.passengerRecords(a);
        List<Paid> payments = new ArrayList<>();
        for (ToolArgs p : a.objects("payment_methods")) {
            payments.add(new Paid(p.text("payment_id"), p.integer("amount")));
        }
        ObjectNode user = AirlineData.user(db, a.text("user_id"));
        String userId = user.path("user_id").asText(a.text("user_id"));
        String reservationId = AirlineData.NEW_RESERVATION_IDS.stream().filter(id -> !DbRecords.table(db, "reservations").has(id))
                .findFirst().orElseThrow(() -> new ToolError("Too many reservations"));
        String flightType = a.choice("flight_type", List.of("round_trip", "one_way"));
        String cabin = a.choice("cabin", AirlineData.CABINS);
        String insurance = a.choice("insurance", List.of("yes", "no"));
        int totalBaggages = a.integer("total_baggages");
        int nonfree = a.integer("nonfree_baggages");

        int seats = passengers.size();
        ArrayNode segments = AirlineData.F.arrayNode();
        List<ObjectNode> days = new ArrayList<>();
        long total = 0;
        for (AirlineData.FlightInfo f : flights) {
            ObjectNode flight = AirlineData.flight(db, f.flightNumber());
            ObjectNode day = AirlineData.bookable(flight, f.date(), cabin, seats);
            int price = day.path("prices").path(cabin).asInt();
            segments.add(AirlineData.reservationFlight(flight, f.date(), price));
            days.add(day);
            total += (long) price * seats;
        }
        if (insurance.equals("yes")) {
            total += 30L * seats;
        }
        total += 50L * nonfree;
        for (Paid p : payments) {
            ObjectNode method = AirlineData.paymentMethod(user, p.paymentId());
            if (method == null) {
                throw new ToolError("Payment method " + p.paymentId() + " not found");
            }
            String source = method.path("source").asText();
            if ((source.equals("gift_card") || source.equals("certificate"))
                    && DbRecords.number(method, "amount", p.paymentId()) < p.amount()) {
                throw new ToolError("Not enough balance in payment method " + p.paymentId());
            }
        }
        long paid = payments.stream().mapToLong(Paid::amount).sum();
        if (paid != total) {
            throw new ToolError("Payment amount does not add up, total price is " + total + ", but paid " + paid);
        }

        ArrayNode history = AirlineData.F.arrayNode();
        for (Paid p : payments) {
            history.addObject().put("payment_id", p.paymentId()).put("amount", p.amount());
            ObjectNode method = AirlineData.paymentMethod(user, p.paymentId());
            if (method == null) {
                continue; // a certificate named twice was used up by its first payment
            }
            switch (method.path("source").asText()) {
                case "gift_card" -> method.set("amount", DbRecords.amount(method.path("amount").asDouble() - p.amount()));
                case "certificate" -> ((ObjectNode) user.get("payment_methods")).remove(p.paymentId());
                default -> {
                }
            }
        }
        for (ObjectNode day : days) {
            ObjectNode left = (ObjectNode) day.get("available_seats");
            left.put(cabin, left.path(cabin).asInt() - seats);
        }
        ObjectNode r = AirlineData.F.objectNode();
        r.put("reservation_id", reservationId).put("user_id", userId).put("origin", a.text("origin"))
                .put("destination", a.text("destination")).put("flight_type", flightType).put("cabin", cabin);
        r.set("flights", segments);
        r.set("passengers", passengers);
        r.set("payment_history", history);
        r.put("created_at", AirlineData.NOW).put("total_baggages", totalBaggages).put("nonfree_baggages", nonfree)
                .put("insurance", insurance).putNull("status");
        DbRecords.table(db, "reservations").set(reservationId, r);
        AirlineData.array(user, "reservations").add(reservationId);
        return r;
    }

    /**
     * The reservation marked cancelled, every payment in its history refunded by a matching negative payment. As
     * upstream, the seats are not released and an already cancelled reservation is refunded again.
     */
    private static ObjectNode cancel(ObjectNode db, ToolArgs a) {
        ObjectNode r = AirlineData.reservation(db, a.text("reservation_id"));
        ArrayNode history = AirlineData.array(r, "payment_history");
        List<JsonNode> paid = new ArrayList<>();
        history.forEach(paid::add);
        for (JsonNode p : paid) {
            history.addObject().set("payment_id", p.get("payment_id"));
            ((ObjectNode) history.get(history.size() - 1)).set("amount", DbRecords.amount(-p.path("amount").asDouble()));
        }
        r.put("status", "cancelled");
        return r;
    }

    /** A certificate of {@code amount} added to the user's payment methods under the first free fixed id. */
    private static String certificate(ObjectNode db, ToolArgs a) {
        String userId = a.text("user_id");
        ObjectNode user = AirlineData.user(db, userId);
        int amount = a.integer("amount");
        JsonNode methods = user.get("payment_methods");
        ObjectNode saved = methods instanceof ObjectNode o ? o : user.putObject("payment_methods");
        for (String id : AirlineData.NEW_CERTIFICATE_IDS) {
            if (!saved.has(id)) {
                saved.putObject(id).put("source", "certificate").put("id", id).put("amount", amount);
                return "Certificate " + id + " added to user " + userId + " with amount " + a.node().get("amount").asText() + ".";
            }
        }
        throw new ToolError("Too many certificates");
    }
}
