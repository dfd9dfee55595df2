package dev.claimcheck.core.suite.tau2.airline;

import static dev.claimcheck.core.suite.tau2.port.ToolSchema.arrayOf;
import static dev.claimcheck.core.suite.tau2.port.ToolSchema.integer;
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
import java.util.List;

/** The airline tools that change a reservation: its bags, its flights (and cabin), its passengers. */
final class AirlineUpdates {
    private static final String PAYMENT_ID = "The payment id stored in user profile, such as 'credit_card_7815826', "
            + "'gift_card_7815826', 'certificate_7815826'.";

    private AirlineUpdates() {
    }

    static List<PortedTool> tools() {
        return List.of(
                PortedTool.writes(tool("update_reservation_baggages", "Update the baggage information of a reservation.")
                        .param("reservation_id", string(), "The reservation ID, such as 'ZFA04Y'")
                        .param("total_baggages", integer(), "The updated total number of baggage items included in the reservation.")
                        .param("nonfree_baggages", integer(), "The updated number of non-free baggage items included in the reservation.")
                        .param("payment_id", string(), PAYMENT_ID), AirlineUpdates::baggages),
                PortedTool.writes(tool("update_reservation_flights", "Update the flight information of a reservation.")
                        .param("reservation_id", string(), "The reservation ID, such as 'ZFA04Y'.")
                        .param("cabin", oneOf("business", "economy", "basic_economy"), "The cabin class of the reservation")
                        .param("flights", arrayOf(AirlineBooking.FLIGHT_INFO), "An array of objects containing details about each "
                                + "piece of flight in the ENTIRE new reservation. Even if the a flight segment is not changed, it "
                                + "should still be included in the array.")
                        .param("payment_id", string(), PAYMENT_ID), AirlineUpdates::flights),
                PortedTool.writes(tool("update_reservation_passengers", "Update the passenger information of a reservation.")
                        .param("reservation_id", string(), "The reservation ID, such as 'ZFA04Y'.")
                        .param("passengers", arrayOf(AirlineBooking.PASSENGER),
                                "An array of objects containing details about each passenger."), AirlineUpdates::passengers));
    }

    /** New bags: 50 for each non-free bag beyond those already paid for, charged to the payment method. */
    private static ObjectNode baggages(ObjectNode db, ToolArgs a) {
        ObjectNode r = AirlineData.reservation(db, a.text("reservation_id"));
        ObjectNode user = AirlineData.user(db, r.path("user_id").asText());
        int total = a.integer("total_baggages");
        int nonfree = a.integer("nonfree_baggages");
        long price = 50L * Math.max(0, nonfree - r.path("nonfree_baggages").asInt());
        charge(user, r, a.text("payment_id"), price);
        r.put("total_baggages", total).put("nonfree_baggages", nonfree);
        return r;
    }

    /**
     * The reservation's whole new itinerary in {@code cabin}: a segment it already has (same flight and date, cabin
     * unchanged) keeps the price paid; a new one must be bookable for every passenger and costs today's price. The
     * difference from what the old segments cost is charged (or, negative, refunded) through the payment method. As
     * upstream, no seats are taken or released.
     */
    private static ObjectNode flights(ObjectNode db, ToolArgs a) {
        List<AirlineData.FlightInfo> wanted = AirlineData.FlightInfo.of(a);
        ObjectNode r = AirlineData.reservation(db, a.text("reservation_id"));
        ObjectNode user = AirlineData.user(db, r.path("user_id").asText());
        String cabin = a.choice("cabin", AirlineData.CABINS);
        boolean sameCabin = cabin.equals(r.path("cabin").asText());
        int seats = AirlineData.passengers(r);
        ArrayNode segments = AirlineData.F.arrayNode();
        long total = 0;
        for (AirlineData.FlightInfo f : wanted) {
            ObjectNode flight = AirlineData.flight(db, f.flightNumber());
            String number = flight.path("flight_number").asText();
            JsonNode kept = null;
            for (JsonNode s : r.path("flights")) {
                if (sameCabin && s.path("flight_number").asText().equals(number) && s.path("date").asText().equals(f.date())) {
                    kept = s;
                    break;
                }
            }
            if (kept != null) {
                total += kept.path("price").asLong() * seats;
                segments.add(kept.deepCopy());
                continue;
            }
            ObjectNode day = AirlineData.bookable(flight, f.date(), cabin, seats);
            int price = day.path("prices").path(cabin).asInt();
            segments.add(AirlineData.reservationFlight(flight, f.date(), price));
            total += (long) price * seats;
        }
        for (JsonNode s : r.path("flights")) {
            total -= s.path("price").asLong() * seats;
        }
        charge(user, r, a.text("payment_id"), total);
        r.set("flights", segments);
        r.put("cabin", cabin);
        return r;
    }

    /** The same number of passengers, replaced. */
    private static ObjectNode passengers(ObjectNode db, ToolArgs a) {
        ArrayNode passengers = AirlineData.passengerRecords(a);
        ObjectNode r = AirlineData.reservation(db, a.text("reservation_id"));
        if (passengers.size() != AirlineData.passengers(r)) {
            throw new ToolError("Number of passengers does not match");
        }
        r.set("passengers", passengers);
        return r;
    }

    /**
     * Upstream's payment for an update: the method must be the user's and not a certificate, a gift card must hold the
     * price (and is charged it, a refund adding to it); a price other than 0 is recorded in the payment history.
     * Checked before anything is written.
     */
    private static void charge(ObjectNode user, ObjectNode reservation, String paymentId, long price) {
        ObjectNode method = AirlineData.paymentMethod(user, paymentId);
        if (method == null) {
            throw new ToolError("Payment method not found");
        }
        String source = method.path("source").asText();
        if (source.equals("certificate")) {
            throw new ToolError("Certificate cannot be used to update reservation");
        }
        if (source.equals("gift_card")) {
            double balance = DbRecords.number(method, "amount", paymentId);
            if (balance < price) {
                throw new ToolError("Gift card balance is not enough");
            }
            method.set("amount", DbRecords.amount(balance - price));
        }
        if (price != 0) {
            AirlineData.array(reservation, "payment_history").addObject().put("payment_id", paymentId)
                    .set("amount", DbRecords.amount(price));
        }
    }
}
