package dev.claimcheck.core.suite.tau2.airline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Booking, cancelling and certificates on the airline port: each effect on the database, and each refusal. */
class AirlineBookingTest {
    final AirlineFixture f = new AirlineFixture();

    static String booking(String cabin, String date, String payments, int nonfree, String insurance) {
        return booking("ben_cho_202", cabin, date, payments, nonfree, insurance);
    }

    static String booking(String user, String cabin, String date, String payments, int nonfree, String insurance) {
        return "{\"user_id\":\"" + user + "\",\"origin\":\"JFK\",\"destination\":\"LAX\",\"flight_type\":\"one_way\",\"cabin\":\""
                + cabin + "\",\"flights\":[{\"flight_number\":\"HAT010\",\"date\":\"" + date + "\"}],"
                + "\"passengers\":[{\"first_name\":\"Ben\",\"last_name\":\"Cho\",\"dob\":\"1975-11-30\"}],"
                + "\"payment_methods\":" + payments + ",\"total_baggages\":1,\"nonfree_baggages\":" + nonfree
                + ",\"insurance\":\"" + insurance + "\"}";
    }

    @Test
    void aBookingChargesThePriceUsesUpTheCertificateTakesTheSeatAndFilesTheReservation() {
        JsonNode r = f.ok("book_reservation", booking("economy", "2024-05-21",
                "[{\"payment_id\":\"certificate_2002\",\"amount\":100},{\"payment_id\":\"credit_card_2001\",\"amount\":290}]", 1, "yes"));
        assertThat(r.get("reservation_id").asText()).isEqualTo("HATHAT");
        assertThat(r.get("created_at").asText()).isEqualTo("2024-05-15T15:00:00");
        assertThat(r.get("flights").toString()).isEqualTo("[{\"flight_number\":\"HAT010\",\"origin\":\"JFK\","
                + "\"destination\":\"LAX\",\"date\":\"2024-05-21\",\"price\":310}]");
        assertThat(r.get("status").isNull()).isTrue();
        assertThat(f.at("/reservations/HATHAT")).isEqualTo(r);
        assertThat(f.at("/users/ben_cho_202/reservations").toString()).isEqualTo("[\"R4C5D6\",\"HATHAT\"]");
        assertThat(f.at("/users/ben_cho_202/payment_methods").has("certificate_2002")).as("a certificate is used once").isFalse();
        assertThat(f.at("/flights/HAT010/dates/2024-05-21/available_seats/economy").asInt()).isZero();
    }

    @Test
    void aGiftCardIsChargedItsShareAndTheNextBookingGetsTheNextId() {
        f.ok("book_reservation", booking("AVA_LEE_101", "business", "2024-05-20", "[{\"payment_id\":\"gift_card_1002\",\"amount\":150},"
                + "{\"payment_id\":\"credit_card_1001\",\"amount\":750}]", 0, "no"));
        assertThat(f.at("/reservations/HATHAT/user_id").asText()).as("the user's own id, not the call's casing").isEqualTo("ava_lee_101");
        assertThat(f.at("/users/ava_lee_101/payment_methods/gift_card_1002/amount").asInt()).isEqualTo(50);
        assertThat(f.at("/flights/HAT010/dates/2024-05-20/available_seats/business").asInt()).isEqualTo(3);
        f.ok("book_reservation", booking("basic_economy", "2024-05-20", "[{\"payment_id\":\"credit_card_2001\",\"amount\":150}]", 0, "no"));
        assertThat(f.at("/reservations/HATHAU/cabin").asText()).isEqualTo("basic_economy");
    }

    @Test
    void aBookingThatDoesNotAddUpOrCannotBeSeatedOrPaidIsRefusedAndChangesNothing() {
        f.refused("book_reservation", booking("economy", "2024-05-21", "[{\"payment_id\":\"credit_card_2001\",\"amount\":300}]", 1, "yes"),
                "Error: Payment amount does not add up, total price is 390, but paid 300");
        f.refused("book_reservation", booking("basic_economy", "2024-05-21", "[{\"payment_id\":\"credit_card_2001\",\"amount\":160}]", 0, "no"),
                "Error: Not enough seats on flight HAT010");
        f.refused("book_reservation", booking("economy", "2024-05-10", "[]", 0, "no"), "Error: Flight HAT010 not available on date 2024-05-10");
        f.refused("book_reservation", booking("economy", "2024-05-21", "[{\"payment_id\":\"certificate_2002\",\"amount\":310}]", 0, "no"),
                "Error: Not enough balance in payment method certificate_2002");
        f.refused("book_reservation", booking("economy", "2024-05-21", "[{\"payment_id\":\"gift_card_1002\",\"amount\":310}]", 0, "no"),
                "Error: Payment method gift_card_1002 not found");
        f.refused("book_reservation", booking("first", "2024-05-21", "[]", 0, "no"),
                "Error: argument cabin must be one of [business, economy, basic_economy], got 'first'");
        f.refused("book_reservation", booking("economy", "2024-05-21", "[{\"payment_id\":\"credit_card_2001\",\"amount\":310.5}]", 0, "no"),
                "Error: argument payment_methods[0].amount must be an integer, got 310.5");
    }

    @Test
    void upstreamAssumesAtMostThreeNewReservationsATask() {
        for (int i = 0; i < 3; i++) {
            f.ok("book_reservation", booking("economy", "2024-05-20", "[{\"payment_id\":\"credit_card_2001\",\"amount\":300}]", 0, "no"));
        }
        f.refused("book_reservation", booking("economy", "2024-05-20", "[{\"payment_id\":\"credit_card_2001\",\"amount\":300}]", 0, "no"),
                "Error: Too many reservations");
    }

    @Test
    void aCancellationRefundsEveryPaymentAndMarksTheReservationWithoutReleasingSeats() {
        JsonNode r = f.ok("cancel_reservation", "{\"reservation_id\":\"R4C5D6\"}");
        assertThat(r.get("status").asText()).isEqualTo("cancelled");
        assertThat(f.at("/reservations/R4C5D6/payment_history").toString())
                .isEqualTo("[{\"payment_id\":\"credit_card_2001\",\"amount\":460},{\"payment_id\":\"credit_card_2001\",\"amount\":-460}]");
        assertThat(f.at("/flights/HAT010/dates/2024-05-20/available_seats")).isEqualTo(AirlineFixture.fresh()
                .at("/flights/HAT010/dates/2024-05-20/available_seats"));
        f.refused("cancel_reservation", "{\"reservation_id\":\"NOPE00\"}", "Error: Reservation NOPE00 not found");
    }

    @Test
    void certificatesTakeUpstreamsFixedIdsInOrderUpToThree() {
        assertThat(f.call("send_certificate", "{\"user_id\":\"ava_lee_101\",\"amount\":150}").text())
                .isEqualTo("Certificate certificate_3221322 added to user ava_lee_101 with amount 150.");
        assertThat(f.at("/users/ava_lee_101/payment_methods/certificate_3221322").toString())
                .isEqualTo("{\"source\":\"certificate\",\"id\":\"certificate_3221322\",\"amount\":150}");
        f.ok("send_certificate", "{\"user_id\":\"ava_lee_101\",\"amount\":50}");
        f.ok("send_certificate", "{\"user_id\":\"ava_lee_101\",\"amount\":50}");
        f.refused("send_certificate", "{\"user_id\":\"ava_lee_101\",\"amount\":50}", "Error: Too many certificates");
        f.refused("send_certificate", "{\"user_id\":\"nobody\",\"amount\":50}", "Error: User nobody not found");
    }
}
