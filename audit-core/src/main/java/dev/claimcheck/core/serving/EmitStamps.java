package dev.claimcheck.core.serving;

import dev.claimcheck.core.model.RunManifest.EndpointRef;
import dev.claimcheck.core.run.Endpoints;
import dev.claimcheck.core.sim.Simulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a bench reads receive lag from a simulator in its own process ({@code sim@.}). The simulator can stamp each
 * token event with its {@link System#nanoTime()} just before writing it ({@link Simulator#EMIT_COMMENT}); on Linux that
 * is CLOCK_MONOTONIC, one clock for every process of a host, so client receive − stamp is the receive lag. Only a
 * simulator is asked (a real engine's requests carry no such header and its stream is read as always), and only one on
 * this host whose clock, read three times, falls inside each probe's round trip: a simulator elsewhere, or in a
 * container with its own time namespace, is refused for this figure and the run says why.
 *
 * @param trusted the requests ask for stamps and the client reads them
 * @param note run.json {@code harness.client.receiveLag}: where the figure comes from, or why there is none; null for
 *             an engine (nothing to say)
 */
record EmitStamps(boolean trusted, String note) {
    static final EmitStamps ENGINE = new EmitStamps(false, null);
    static final EmitStamps IN_PROCESS = new EmitStamps(false, "in-process simulator: its emit times on this JVM's clock");
    static final int PROBES = 3;
    private static final int TIMEOUT_MS = 2000;
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length:\\s*(\\d{1,9})");
    private static final Pattern MONOTONIC = Pattern.compile("\"monotonicNs\"\\s*:\\s*(-?\\d+)");

    /** The decision for the endpoint a bench opened ({@code baseUrl} its http:// base URL). */
    static EmitStamps of(Endpoints.Opened opened, EndpointRef described, String baseUrl) {
        if (opened.simulator() != null) {
            return IN_PROCESS;
        }
        return Simulator.ENGINE.equals(described.engine()) ? probe(LoadRunner.parse(baseUrl)) : ENGINE;
    }

    /** Checks a simulator in its own process at {@code base} shares this process's monotonic clock. */
    static EmitStamps probe(URI base) {
        String host = base.getHost();
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return refused("its host " + host + " does not resolve");
        }
        if (!onThisHost(address)) {
            return refused("the simulator at " + host + " is not on this host, and its stamps are on its host's clock");
        }
        int port = base.getPort() < 0 ? 80 : base.getPort();
        try {
            for (int i = 0; i < PROBES; i++) {
                long[] probe = readClock(new InetSocketAddress(address, port), host);
                if (probe[1] < probe[0] || probe[1] > probe[2]) {
                    return refused("the simulator's monotonic clock is not this process's (read " + probe[1] + " ns, outside "
                            + probe[0] + ".." + probe[2] + "): another time namespace?");
                }
            }
        } catch (IOException e) {
            return refused("its clock (" + Simulator.CLOCK_PATH + ") could not be read: " + e.getMessage());
        }
        return new EmitStamps(true, "simulator in its own process on this host: emit stamps in its stream, its clock checked "
                + "against this one (" + PROBES + " reads, each inside its round trip)");
    }

    /** A loopback address, the wildcard, or an address of one of this host's interfaces. */
    static boolean onThisHost(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(a) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    private static EmitStamps refused(String why) {
        return new EmitStamps(false, "not measured: " + why);
    }

    /** {before, the simulator's nanoTime, after}, all but the middle on this process's clock. */
    private static long[] readClock(InetSocketAddress at, String host) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(at, TIMEOUT_MS);
            s.setSoTimeout(TIMEOUT_MS);
            OutputStream out = s.getOutputStream();
            byte[] request = ("GET " + Simulator.CLOCK_PATH + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            long before = System.nanoTime();
            out.write(request);
            out.flush();
            String text = readAnswer(s.getInputStream());
            long after = System.nanoTime();
            Matcher m = MONOTONIC.matcher(text);
            if (!text.startsWith("HTTP/1.1 200") || !m.find()) {
                throw new IOException("no monotonicNs in the answer '" + text.lines().findFirst().orElse("") + "'");
            }
            return new long[] {before, Long.parseLong(m.group(1)), after};
        }
    }

    /** Head and body of one answer: up to its Content-Length (a server may keep the connection open), else to its end. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        for (int n = in.read(buf); n >= 0 && answer.size() < 64 * 1024; n = in.read(buf)) {
            answer.write(buf, 0, n);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            int head = text.indexOf("\r\n\r\n");
            Matcher length = CONTENT_LENGTH.matcher(text);
            if (head >= 0 && length.find() && length.start() < head
                    && answer.size() >= head + 4 + Integer.parseInt(length.group(1))) {
                break;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
