package dev.claimcheck.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Lane;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator's emit stamps (docs/throughput.md "Calibration"): a token event is preceded by an SSE comment with the
 * simulator's monotonic time only when the client asks with {@link Simulator#EMIT_STAMPS_HEADER}; otherwise its stream
 * has no comment line at all. Raw sockets, so the bytes on the wire are what is checked.
 */
class SimEmitStampsTest {
    private static final String BODY = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true,"
            + "\"max_tokens\":5,\"min_tokens\":5,\"ignore_eos\":true}";

    /** The whole response to one request on its own connection (Connection: close). */
    private static String exchange(Simulator sim, String method, String path, String headers, String body) throws IOException {
        URI u = URI.create(sim.baseUrl());
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            s.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + headers
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + b.length + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(b);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private static List<String> commentLines(String response) {
        return response.lines().filter(l -> l.startsWith(":")).toList();
    }

    private static List<String> tokenEvents(String response) {
        return response.lines().filter(l -> l.startsWith("data: {") && l.contains("\"content\":\"") && !l.contains("\"content\":\"\"")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim:ttftMs=1,tpotMs=1", "sim:ttftMs=0,tpotMs=0"}) // paced event by event, and in one write
    void askedForStampsEveryTokenEventComesRightAfterOneStampOnThisProcesssClock(String spec) throws Exception {
        try (Simulator sim = Simulator.start(SimOptions.parse(spec, Lane.INSTANT, 0), new InMemoryOracle())) {
            long before = System.nanoTime();
            String response = exchange(sim, "POST", "/v1/chat/completions", Simulator.EMIT_STAMPS_HEADER + ": 1\r\n", BODY);
            long after = System.nanoTime();
            List<String> lines = response.lines().toList();
            List<String> stamps = commentLines(response);
            assertThat(stamps).hasSize(5).allSatisfy(l -> assertThat(l).startsWith(Simulator.EMIT_COMMENT.strip()));
            assertThat(tokenEvents(response)).hasSize(5);
            long last = Long.MIN_VALUE;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(":")) {
                    assertThat(lines.get(i + 1)).as("the event the stamp belongs to").startsWith("data: {").contains("\"content\":\"");
                    long ns = Long.parseLong(lines.get(i).substring(Simulator.EMIT_COMMENT.length()));
                    assertThat(ns).isBetween(before, after).isGreaterThanOrEqualTo(last);
                    last = ns;
                }
            }
        }
    }

    @Test
    void withoutTheHeaderTheStreamHasNoCommentAndItsEventsAreTheSame() throws Exception {
        try (Simulator sim = Simulator.start(SimOptions.parse("sim:tpotMs=1", Lane.INSTANT, 0), new InMemoryOracle())) {
            String plain = exchange(sim, "POST", "/v1/chat/completions", "", BODY);
            String stamped = exchange(sim, "POST", "/v1/chat/completions", Simulator.EMIT_STAMPS_HEADER + ": 1\r\n", BODY);
            assertThat(commentLines(plain)).isEmpty();
            assertThat(tokenEvents(plain)).hasSize(5);
            // the same events but for the response ids, which count requests
            assertThat(tokenEvents(plain).stream().map(l -> l.replaceAll("chatcmpl-sim-\\d+", "ID")).toList())
                    .isEqualTo(tokenEvents(stamped).stream().map(l -> l.replaceAll("chatcmpl-sim-\\d+", "ID")).toList());
        }
    }

    @Test
    void theClockRouteAnswersThisProcesssMonotonicTimeAndVersionTheJvmFlags() throws Exception {
        try (Simulator sim = Simulator.start(SimOptions.parse("sim", Lane.INSTANT, 0), new InMemoryOracle())) {
            long before = System.nanoTime();
            String clock = exchange(sim, "GET", Simulator.CLOCK_PATH, "", null);
            long after = System.nanoTime();
            Matcher m = Pattern.compile("\"monotonicNs\":(\\d+)").matcher(clock);
            assertThat(m.find()).as(clock).isTrue();
            assertThat(Long.parseLong(m.group(1))).isBetween(before, after);
            assertThat(exchange(sim, "GET", "/version", "", null)).contains("\"jvmFlags\":[");
        }
    }
}
