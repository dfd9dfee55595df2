package dev.claimcheck.core.suite.tau2.airline;

import static dev.claimcheck.core.suite.tau2.port.ToolSchema.string;
import static dev.claimcheck.core.suite.tau2.port.ToolSchema.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.CommonTools;
import dev.claimcheck.core.suite.tau2.port.PortedTool;
import dev.claimcheck.core.suite.tau2.port.ToolArgs;
import java.util.List;

/** The airline tools that change nothing: look-ups, searches, the calculator and the transfer to a human. */
final class AirlineReads {
    private static final String DATE = "The date of the flight in the format 'YYYY-MM-DD', such as '2024-01-01'.";
    private static final String ORIGIN = "The origin city airport in three letters, such as 'JFK'.";
    private static final String DESTINATION = "The destination city airport in three letters, such as 'LAX'.";
    /** Upstream's fixed airport list (IATA code, city), answered by list_all_airports. */
    private static final String[][] AIRPORTS = {{"SFO", "San Francisco"}, {"JFK", "New York"}, {"LAX", "Los Angeles"},
            {"ORD", "Chicago"}, {"DFW", "Dallas"}, {"DEN", "Denver"}, {"SEA", "Seattle"}, {"ATL", "Atlanta"}, {"MIA", "Miami"},
            {"BOS", "Boston"}, {"PHX", "Phoenix"}, {"IAH", "Houston"}, {"LAS", "Las Vegas"}, {"MCO", "Orlando"},
            {"EWR", "Newark"}, {"CLT", "Charlotte"}, {"MSP", "Minneapolis"}, {"DTW", "Detroit"}, {"PHL", "Philadelphia"},
            {"LGA", "LaGuardia"}};

    private AirlineReads() {
    }

    static List<PortedTool> tools() {
        return List.of(
                CommonTools.calculate(),
                PortedTool.reads(tool("get_reservation_details", "Get the details of a reservation.")
                        .param("reservation_id", string(), "The reservation ID, such as '8JX2WO'."),
                        (db, a) -> AirlineData.reservation(db, a.text("reservation_id"))),
                PortedTool.reads(tool("get_user_details", "Get the details of a user, including their reservations.")
                        .param("user_id", string(), "The user ID, such as 'sara_doe_496'."),
                        (db, a) -> AirlineData.user(db, a.text("user_id"))),
                PortedTool.reads(tool("list_all_airports", "Returns a list of all available airports."), (db, a) -> airports()),
                PortedTool.reads(tool("search_direct_flight", "Search for direct flights between two cities on a specific date.")
                        .param("origin", string(), ORIGIN).param("destination", string(), DESTINATION).param("date", string(), DATE),
                        (db, a) -> AirlineData.direct(db, a.text("date"), a.text("origin"), a.text("destination"), null, false)),
                PortedTool.reads(tool("search_onestop_flight", "Search for one-stop flights between two cities on a specific date.")
                        .param("origin", string(), ORIGIN).param("destination", string(), DESTINATION)
                        .param("date", string(), "The date of the flight in the format 'YYYY-MM-DD', such as '2024-05-01'."),
                        AirlineReads::oneStop),
                CommonTools.transferToHumanAgents(),
                PortedTool.reads(tool("get_flight_status", "Get the status of a flight.")
                        .param("flight_number", string(), "The flight number.").param("date", string(), "The date of the flight."),
                        (db, a) -> AirlineData.instance(AirlineData.flight(db, a.text("flight_number")), a.text("date"))
                                .path("status").asText()));
    }

    private static ArrayNode airports() {
        ArrayNode out = AirlineData.F.arrayNode();
        for (String[] a : AIRPORTS) {
            out.addObject().put("iata", a[0]).put("city", a[1]);
        }
        return out;
    }

    /**
     * Pairs of direct flights: a first leg from the origin on the date, and a second from where it lands to the
     * destination, leaving at or after the first's scheduled arrival. A first leg arriving the next day ({@code +1} in
     * its arrival time) looks for the second on {@code 2024-05-<day + 1>}, the day written without a leading zero, as
     * upstream writes it (so such connections before the 9th are never found: upstream's behaviour, kept).
     */
    private static ArrayNode oneStop(ObjectNode db, ToolArgs a) {
        String date = a.text("date");
        String destination = a.text("destination");
        ArrayNode out = AirlineData.F.arrayNode();
        for (JsonNode first : AirlineData.direct(db, date, a.text("origin"), null, null, true)) {
            String arrival = first.path("scheduled_arrival_time_est").asText();
            String secondDate = arrival.contains("+1") ? "2024-05-" + (dayOf(date) + 1) : date;
            for (JsonNode second : AirlineData.direct(db, secondDate, first.path("destination").asText(), destination, arrival, true)) {
                out.addArray().add(first.deepCopy()).add(second);
            }
        }
        return out;
    }

    private static int dayOf(String date) {
        String day = date.length() >= 2 ? date.substring(date.length() - 2) : date;
        try {
            return Integer.parseInt(day.strip());
        } catch (NumberFormatException e) {
            throw new dev.claimcheck.core.suite.tau2.port.ToolError("invalid literal for int() with base 10: '" + day + "'");
        }
    }
}
