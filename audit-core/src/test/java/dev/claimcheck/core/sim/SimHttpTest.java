package dev.claimcheck.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Lane;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request framing as clients send it: chunked bodies, Expect: 100-continue, and the framings that are refused. */
class SimHttpTest {
    static final String BODY = "{\"model\":\"sim\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

    static SimHttp.Request parse(String raw, ByteArrayOutputStream out) throws Exception {
        return SimHttp.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)), out);
    }

    @Test
    void aChunkedBodyWithExtensionsAndTrailersIsReadWhole() throws Exception {
        String raw = "POST /v1/chat/completions HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "10;ext=1\r\n" + BODY.substring(0, 16) + "\r\n" + Integer.toHexString(BODY.length() - 16) + "\r\n"
                + BODY.substring(16) + "\r\n0\r\nX-Trailer: t\r\n\r\n";
        SimHttp.Request r = parse(raw, new ByteArrayOutputStream());
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(BODY);
    }

    @Test
    void refusedFramingsGetTheirStatus() {
        record Case(String raw, int status) {
        }
        for (Case c : List.of(
                new Case("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
                new Case("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n", 400),
                new Case("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
                new Case("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", 400),
                new Case("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY0\r\n\r\n", 400),
                new Case("POST / HTTP/1.1\r\nContent-Length: +3\r\n\r\nabc", 400),
                new Case("POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n", 413),
                new Case("POST / HTTP/1.1\r\nExpect: magic\r\nContent-Length: 1\r\n\r\na", 417))) {
            try {
                parse(c.raw(), new ByteArrayOutputStream());
                throw new AssertionError("accepted: " + c.raw());
            } catch (SimHttp.BadRequest e) {
                assertThat(e.status).as(c.raw()).isEqualTo(c.status());
            } catch (Exception e) {
                throw new AssertionError(c.raw(), e);
            }
        }
    }

    /** The client sends the headers, waits for 100 Continue, and only then the body: no timeout can hide a missing 100. */
    @Test
    void expectContinueGetsA100BeforeTheBodyIsSent() throws Exception {
        try (Simulator sim = Simulator.start(SimOptions.parse("sim:outputTokens=3", Lane.INSTANT, 1), new InMemoryOracle());
             Socket s = new Socket(URI.create(sim.baseUrl()).getHost(), URI.create(sim.baseUrl()).getPort())) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] interim = in.readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
            assertThat(new String(interim, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            out.write((Integer.toHexString(BODY.length()) + "\r\n" + BODY + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200 OK").contains("\"object\":\"chat.completion\"");
        }
    }
}
