package dev.claimcheck.core.suite.tau2.airline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The airline port's tools that change nothing, on the upstream-layout fixture. */
class AirlineReadsTest {
    final AirlineFixture f = new AirlineFixture();

    @Test
    void userAndReservationDetailsAnswerTheRecordFindingAMisCasedIdAndNameWhatIsMissing() {
        assertThat(f.ok("get_user_details", "{\"user_id\":\"ava_lee_101\"}").get("membership").asText()).isEqualTo("gold");
        assertThat(f.ok("get_user_details", "{\"user_id\":\" Ava_Lee_101 \"}").get("user_id").asText()).isEqualTo("ava_lee_101");
        assertThat(f.ok("get_reservation_details", "{\"reservation_id\":\"r4c5d6\"}").get("passengers")).hasSize(2);
        f.refused("get_user_details", "{\"user_id\":\"nobody_1\"}", "Error: User nobody_1 not found");
        f.refused("get_reservation_details", "{\"reservation_id\":\"ZZZ999\"}", "Error: Reservation ZZZ999 not found");
        assertThat(f.db).isEqualTo(AirlineFixture.fresh());
    }

    @Test
    void aDirectSearchListsTheFlightsAvailableOnTheDateWithThatDaysSeatsAndPrices() {
        JsonNode found = f.ok("search_direct_flight", "{\"origin\":\"JFK\",\"destination\":\"LAX\",\"date\":\"2024-05-21\"}");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("flight_number").asText()).isEqualTo("HAT010");
        assertThat(found.get(0).at("/prices/economy").asInt()).isEqualTo(310);
        assertThat(found.get(0).get("date").isNull()).as("a direct search leaves the date unset, as upstream").isTrue();
        // HAT030 is cancelled on the 20th, so not listed.
        assertThat(f.ok("search_direct_flight", "{\"origin\":\"JFK\",\"destination\":\"SFO\",\"date\":\"2024-05-20\"}")).isEmpty();
    }

    @Test
    void aOneStopSearchPairsAFirstLegWithASecondLeavingAfterItLands() {
        JsonNode pairs = f.ok("search_onestop_flight", "{\"origin\":\"JFK\",\"destination\":\"SFO\",\"date\":\"2024-05-20\"}");
        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0).get(0).get("flight_number").asText()).isEqualTo("HAT010");
        assertThat(pairs.get(0).get(1).get("flight_number").asText()).isEqualTo("HAT020");
        assertThat(pairs.get(0).get(1).get("date").asText()).isEqualTo("2024-05-20");
        assertThat(f.ok("search_onestop_flight", "{\"origin\":\"LAX\",\"destination\":\"JFK\",\"date\":\"2024-05-20\"}")).isEmpty();
    }

    @Test
    void theFlightStatusIsThatDatesStatusAndAnUnknownDateIsAnError() {
        assertThat(f.call("get_flight_status", "{\"flight_number\":\"HAT010\",\"date\":\"2024-05-10\"}").text()).isEqualTo("landed");
        assertThat(f.call("get_flight_status", "{\"flight_number\":\"HAT030\",\"date\":\"2024-05-20\"}").text()).isEqualTo("cancelled");
        f.refused("get_flight_status", "{\"flight_number\":\"HAT010\",\"date\":\"2024-06-01\"}",
                "Error: Flight HAT010 not found on date 2024-06-01");
        f.refused("get_flight_status", "{\"flight_number\":\"HAT999\",\"date\":\"2024-05-20\"}", "Error: Flight HAT999 not found");
    }

    @Test
    void theCalculatorFollowsPythonsOperatorsAndWritesAFloat() {
        assertThat(f.call("calculate", "{\"expression\":\"2 + 2\"}").text()).isEqualTo("4.0");
        assertThat(f.call("calculate", "{\"expression\":\"(310 + 30) * 2 / 3\"}").text()).isEqualTo("226.67");
        assertThat(f.call("calculate", "{\"expression\":\"2 ** 3 ** 2 - 7 // 2\"}").text()).isEqualTo("509.0");
        assertThat(f.call("calculate", "{\"expression\":\"-2 ** 2\"}").text()).isEqualTo("-4.0");
        f.refused("calculate", "{\"expression\":\"import os\"}", "Error: Invalid characters in expression");
        f.refused("calculate", "{\"expression\":\"1 / 0\"}", "Error: division by zero");
        f.refused("calculate", "{\"expression\":\"(1 + 2\"}", "Error: invalid syntax");
    }

    @Test
    void airportsAndTheTransferAnswerUpstreamsFixedTexts() {
        JsonNode airports = f.ok("list_all_airports", "{}");
        assertThat(airports).hasSize(20);
        assertThat(airports.get(0).toString()).isEqualTo("{\"iata\":\"SFO\",\"city\":\"San Francisco\"}");
        assertThat(f.call("transfer_to_human_agents", "{\"summary\":\"wants a refund\"}").text()).isEqualTo("Transfer successful");
    }

    @Test
    void anUnknownToolAnUnexpectedArgumentOrAMissingOneIsAnErrorThatChangesNothing() {
        f.refused("book_flight", "{}", "Error: Tool 'book_flight' not found.");
        f.refused("get_user_details", "{\"user_id\":\"ava_lee_101\",\"verbose\":true}",
                "Error: get_user_details() got an unexpected keyword argument 'verbose'");
        f.refused("get_user_details", "{}", "Error: get_user_details() missing required argument 'user_id'");
        f.refused("get_user_details", "{\"user_id\":101}", "Error: argument user_id must be a string, got 101");
        assertThat(AirlineFixture.PORT.execute(f.db, "get_user_details", null).error()).isTrue();
    }
}
