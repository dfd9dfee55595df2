package dev.claimcheck.core.toolcheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.ToolCall;
import java.util.List;

/**
 * The built-in tool-calling requests, written by us in the spirit of MoonshotAI's K2-Vendor-Verifier: single calls,
 * a choice among tools, parallel calls, nested and array arguments, enums, and requests that no tool fits (a correct
 * reply calls none). Each carries the calls a correct model makes.
 */
final class ToolProbes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEATHER = """
            {"type":"function","function":{"name":"get_weather","description":"Current weather of a city.","parameters":
             {"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string","enum":["celsius","fahrenheit"]}},
              "required":["city"],"additionalProperties":false}}}""";
    private static final String ADD = """
            {"type":"function","function":{"name":"add","description":"Add two numbers.","parameters":
             {"type":"object","properties":{"a":{"type":"number"},"b":{"type":"number"}},"required":["a","b"],"additionalProperties":false}}}""";
    private static final String EVENT = """
            {"type":"function","function":{"name":"create_event","description":"Create a calendar event.","parameters":
             {"type":"object","properties":{"title":{"type":"string"},"date":{"type":"string","description":"YYYY-MM-DD"},
              "attendees":{"type":"array","items":{"type":"string"}}},"required":["title","date"],"additionalProperties":false}}}""";
    private static final String HOTEL = """
            {"type":"function","function":{"name":"book_hotel","description":"Book a hotel.","parameters":
             {"type":"object","properties":{"city":{"type":"string"},"nights":{"type":"integer"}},"required":["city","nights"],"additionalProperties":false}}}""";
    private static final String FLIGHT = """
            {"type":"function","function":{"name":"search_flights","description":"Search flights.","parameters":
             {"type":"object","properties":{"origin":{"type":"string"},"destination":{"type":"string"},"date":{"type":"string"}},
              "required":["origin","destination"],"additionalProperties":false}}}""";
    private static final String STOCK = """
            {"type":"function","function":{"name":"get_stock_price","description":"Latest price of a ticker.","parameters":
             {"type":"object","properties":{"symbol":{"type":"string"}},"required":["symbol"],"additionalProperties":false}}}""";
    private static final String USER = """
            {"type":"function","function":{"name":"create_user","description":"Create a user account.","parameters":
             {"type":"object","properties":{"user":{"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"}},
              "required":["name","age"]},"notify":{"type":"boolean"}},"required":["user"],"additionalProperties":false}}}""";
    private static final String CURRENCY = """
            {"type":"function","function":{"name":"convert_currency","description":"Convert an amount between currencies.","parameters":
             {"type":"object","properties":{"amount":{"type":"number"},"from":{"type":"string"},"to":{"type":"string"}},
              "required":["amount","from","to"],"additionalProperties":false}}}""";

    static final List<ToolProbe> ALL = List.of(
            probe("weather", "What's the weather in Oslo right now? Celsius please.", List.of(WEATHER),
                    call("get_weather", "{\"city\":\"Oslo\",\"unit\":\"celsius\"}")),
            probe("add", "Use the tool to add 17.5 and 4.", List.of(ADD), call("add", "{\"a\":17.5,\"b\":4}")),
            probe("event", "Schedule 'Budget review' on 2026-03-02 with Ana and Bo.", List.of(EVENT),
                    call("create_event", "{\"title\":\"Budget review\",\"date\":\"2026-03-02\",\"attendees\":[\"Ana\",\"Bo\"]}")),
            probe("choose-tool", "Book me a hotel in Porto for 3 nights.", List.of(FLIGHT, HOTEL),
                    call("book_hotel", "{\"city\":\"Porto\",\"nights\":3}")),
            probe("parallel", "Get the latest prices of AAPL and MSFT.", List.of(STOCK),
                    call("get_stock_price", "{\"symbol\":\"AAPL\"}"), call("get_stock_price", "{\"symbol\":\"MSFT\"}")),
            probe("nested", "Create an account for Mia, aged 31, and notify her.", List.of(USER),
                    call("create_user", "{\"user\":{\"name\":\"Mia\",\"age\":31},\"notify\":true}")),
            probe("no-tool-fits", "Write a haiku about autumn.", List.of(WEATHER)),
            probe("no-tool-fits-2", "What is the capital of Peru?", List.of(CURRENCY, STOCK)));

    private ToolProbes() {
    }

    private static ToolProbe probe(String id, String user, List<String> tools, ToolCall... reference) {
        ArrayNode array = JSON.createArrayNode();
        try {
            for (String t : tools) {
                array.add(JSON.readTree(t));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("built-in probe " + id + " has bad JSON", e);
        }
        return new ToolProbe(id, List.of(ChatMessage.user(user)), array, List.of(reference));
    }

    private static ToolCall call(String name, String args) {
        return new ToolCall(null, name, args);
    }
}
