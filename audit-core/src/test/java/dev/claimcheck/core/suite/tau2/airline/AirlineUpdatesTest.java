package dev.claimcheck.core.suite.tau2.airline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Changing a reservation's bags, flights and passengers on the airline port: effects, prices and refusals. */
class AirlineUpdatesTest {
    final AirlineFixture f = new AirlineFixture();

    static final String BOTH_LEGS = "[{\"flight_number\":\"HAT010\",\"date\":\"2024-05-20\"},{\"flight_number\":\"HAT020\",\"date\":\"2024-05-20\"}]";

    @Test
    void newPaidBagsCostFiftyEachBeyondThosePaidForAndARefundIsNeverGiven() {
        f.ok("update_reservation_baggages", "{\"reservation_id\":\"R4C5D6\",\"total_baggages\":3,\"nonfree_baggages\":2,\"payment_id\":\"credit_card_2001\"}");
        assertThat(f.at("/reservations/R4C5D6/payment_history/1").toString()).isEqualTo("{\"payment_id\":\"credit_card_2001\",\"amount\":100}");
        assertThat(f.at("/reservations/R4C5D6/total_baggages").asInt()).isEqualTo(3);
        // Fewer paid bags: no charge, so no payment is recorded.
        f.ok("update_reservation_baggages", "{\"reservation_id\":\"R4C5D6\",\"total_baggages\":1,\"nonfree_baggages\":\"1\",\"payment_id\":\"credit_card_2001\"}");
        assertThat(f.at("/reservations/R4C5D6/payment_history")).hasSize(2);
        assertThat(f.at("/reservations/R4C5D6/nonfree_baggages").isIntegralNumber()).as("\"1\" read as the integer 1").isTrue();
    }

    @Test
    void aChangeIsPaidWithTheUsersOwnMethodNeverACertificateAndAGiftCardMustCoverIt() {
        String bags = "{\"reservation_id\":\"R4C5D6\",\"total_baggages\":1,\"nonfree_baggages\":1,\"payment_id\":\"%s\"}";
        f.refused("update_reservation_baggages", bags.formatted("certificate_2002"), "Error: Certificate cannot be used to update reservation");
        f.refused("update_reservation_baggages", bags.formatted("gift_card_1002"), "Error: Payment method not found");
        f.refused("update_reservation_baggages", bags.formatted("credit_card_2001").replace("R4C5D6", "XXXXXX"),
                "Error: Reservation XXXXXX not found");
        f.ok("send_certificate", "{\"user_id\":\"ava_lee_101\",\"amount\":10}");
        f.refused("update_reservation_flights", "{\"reservation_id\":\"R1A2B3\",\"cabin\":\"business\",\"flights\":"
                + "[{\"flight_number\":\"HAT010\",\"date\":\"2024-05-20\"}],\"payment_id\":\"gift_card_1002\"}", "Error: Gift card balance is not enough");
    }

    @Test
    void aCabinChangeRepricesEverySegmentAndChargesTheDifferenceForEveryPassenger() {
        JsonNode r = f.ok("update_reservation_flights", "{\"reservation_id\":\"R4C5D6\",\"cabin\":\"economy\",\"flights\":" + BOTH_LEGS
                + ",\"payment_id\":\"credit_card_2001\"}");
        assertThat(r.get("cabin").asText()).isEqualTo("economy");
        assertThat(r.get("flights").findValuesAsText("price")).containsExactly("300", "120");
        // (300 + 120) × 2 passengers − (150 + 80) × 2 already paid.
        assertThat(f.at("/reservations/R4C5D6/payment_history/1/amount").asInt()).isEqualTo(380);
        assertThat(f.at("/flights/HAT010/dates/2024-05-20/available_seats/economy").asInt()).as("seats are not taken, as upstream").isEqualTo(10);
    }

    @Test
    void unchangedSegmentsKeepTheirPriceAndACheaperItineraryIsRefundedToAGiftCard() {
        f.ok("update_reservation_flights", "{\"reservation_id\":\"R4C5D6\",\"cabin\":\"basic_economy\",\"flights\":" + BOTH_LEGS
                + ",\"payment_id\":\"credit_card_2001\"}");
        assertThat(f.at("/reservations/R4C5D6/payment_history")).as("same itinerary, same price: no payment").hasSize(1);
        f.ok("update_reservation_flights", "{\"reservation_id\":\"R1A2B3\",\"cabin\":\"basic_economy\",\"flights\":"
                + "[{\"flight_number\":\"hat010\",\"date\":\"2024-05-20\"}],\"payment_id\":\"gift_card_1002\"}");
        assertThat(f.at("/reservations/R1A2B3/flights/0/flight_number").asText()).isEqualTo("HAT010");
        assertThat(f.at("/reservations/R1A2B3/payment_history/1/amount").asInt()).isEqualTo(-150);
        assertThat(f.at("/users/ava_lee_101/payment_methods/gift_card_1002/amount").asInt()).isEqualTo(350);
    }

    @Test
    void aNewSegmentMustBeBookableForEveryPassenger() {
        f.refused("update_reservation_flights", "{\"reservation_id\":\"R4C5D6\",\"cabin\":\"economy\",\"flights\":"
                + "[{\"flight_number\":\"HAT010\",\"date\":\"2024-05-21\"}],\"payment_id\":\"credit_card_2001\"}", "Error: Not enough seats on flight HAT010");
        f.refused("update_reservation_flights", "{\"reservation_id\":\"R4C5D6\",\"cabin\":\"economy\",\"flights\":"
                + "[{\"flight_number\":\"HAT030\",\"date\":\"2024-05-20\"}],\"payment_id\":\"credit_card_2001\"}",
                "Error: Flight HAT030 not available on date 2024-05-20");
        f.refused("update_reservation_flights", "{\"reservation_id\":\"R4C5D6\",\"cabin\":\"economy\",\"flights\":"
                + "[{\"flight_number\":\"HAT010\"}],\"payment_id\":\"credit_card_2001\"}", "Error: missing argument flights[0].date");
    }

    @Test
    void passengersAreReplacedOnlyByAsManyPassengers() {
        String kim = "{\"first_name\":\"Kim\",\"last_name\":\"Cho\",\"dob\":\"1979-06-02\"}";
        String ben = "{\"first_name\":\"Benjamin\",\"last_name\":\"Cho\",\"dob\":\"1975-11-30\",\"seat\":\"12A\"}";
        f.ok("update_reservation_passengers", "{\"reservation_id\":\"R4C5D6\",\"passengers\":[" + kim + "," + ben + "]}");
        assertThat(f.at("/reservations/R4C5D6/passengers/1").toString())
                .as("a passenger keeps upstream's three fields").isEqualTo("{\"first_name\":\"Benjamin\",\"last_name\":\"Cho\",\"dob\":\"1975-11-30\"}");
        f.refused("update_reservation_passengers", "{\"reservation_id\":\"R4C5D6\",\"passengers\":[" + kim + "]}",
                "Error: Number of passengers does not match");
    }

    @Test
    void passengerOrderDoesNotChangeTheDatabaseHashButAnyOtherDifferenceDoes() {
        AirlineFixture other = new AirlineFixture();
        other.ok("update_reservation_passengers", "{\"reservation_id\":\"R4C5D6\",\"passengers\":["
                + "{\"first_name\":\"Kim\",\"last_name\":\"Cho\",\"dob\":\"1979-06-02\"},{\"first_name\":\"Ben\",\"last_name\":\"Cho\",\"dob\":\"1975-11-30\"}]}");
        assertThat(other.db).isNotEqualTo(f.db);
        assertThat(AirlineFixture.PORT.forHash(other.db)).isEqualTo(AirlineFixture.PORT.forHash(f.db));
        other.ok("update_reservation_baggages", "{\"reservation_id\":\"R4C5D6\",\"total_baggages\":1,\"nonfree_baggages\":0,\"payment_id\":\"credit_card_2001\"}");
        assertThat(AirlineFixture.PORT.forHash(other.db)).isNotEqualTo(AirlineFixture.PORT.forHash(f.db));
    }
}
