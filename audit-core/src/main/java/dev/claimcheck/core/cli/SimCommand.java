package dev.claimcheck.core.cli;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./jbang sim@.}: the simulator as a standalone server, so any OpenAI-compatible tool can rehearse against it
 * (docs/simulator.md). Prints its base URL on stdout once listening and serves until SIGTERM or SIGINT.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run the simulator as a standalone OpenAI-compatible server (a rehearsal target, never a result).",
            "Prints its base URL (http://HOST:PORT/v1) on stdout once listening; stops on SIGTERM (exit 143) or Ctrl-C (130).",
            "Every sim: option is a flag (--accuracy 0.5) or part of --options (accuracy=0.5,faults=0.1)."})
public final class SimCommand implements Callable<Integer> {
    /**
     * The JVM a standalone simulator should run in, as the bench chooses its own (docs/throughput.md "The bench's JVM and
     * warm-up"): a fixed heap, so no resize runs while it paces streams, and a collector whose pauses stay under a
     * millisecond, since a pause stops every stream's next token at once and shows as TTFT and receive lag the client
     * did not cause. {@code audit-scripts/sim.java}'s {@code //JAVA_OPTIONS} says the same (SimServerTest checks).
     */
    public static final List<String> JVM_FLAGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseZGC");

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 exposes it to the network).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0", description = "Port (default 0: an ephemeral one).")
    int port;

    @Option(names = "--options", paramLabel = "KEY=VALUE,...",
            description = "The simulator options as after --base-url sim: (a leading 'sim:' is accepted).")
    String options;

    @Option(names = "--accuracy", paramLabel = "P", description = "Probability of the oracle's correct answer (no oracle here: "
            + "answers are filler text).")
    String accuracy;
    @Option(names = "--faults", paramLabel = "P", description = "Fraction of requests hit by an injected fault.")
    String faults;
    @Option(names = {"--faultKinds", "--fault-kinds"}, paramLabel = "K+K", description = "Subset of 429+500+503+reset+truncated+malformed+stall.")
    String faultKinds;
    @Option(names = {"--ttftMs", "--ttft-ms"}, paramLabel = "MS", description = "Delay before the first token.")
    String ttftMs;
    @Option(names = {"--tpotMs", "--tpot-ms"}, paramLabel = "MS", description = "Delay between tokens.")
    String tpotMs;
    @Option(names = {"--outputTokens", "--output-tokens"}, paramLabel = "N", description = "Content tokens per answer.")
    String outputTokens;
    @Option(names = {"--reasoningTokens", "--reasoning-tokens"}, paramLabel = "N", description = "Reasoning tokens (reasoning_content) first.")
    String reasoningTokens;
    @Option(names = "--seed", paramLabel = "N", description = "Seed of every draw (default 0).")
    String seed;
    @Option(names = {"--stallMs", "--stall-ms"}, paramLabel = "MS", description = "Silence of a stall fault.")
    String stallMs;
    @Option(names = {"--depthDecay", "--depth-decay"}, paramLabel = "D", description = "Long-context accuracy decay by depth.")
    String depthDecay;
    @Option(names = {"--maxModelLen", "--max-model-len"}, paramLabel = "TOKENS", description = "Context length to advertise and enforce.")
    String maxModelLen;
    @Option(names = {"--dropToolCalls", "--drop-tool-calls"}, paramLabel = "true|false",
            description = "Drop every tool call (no content, no tool_calls), as a broken tool-call parser does.")
    String dropToolCalls;
    @Option(names = "--tokenizer", paramLabel = "NAME", description = "Tokenizer family prompt tokens are counted in (o200k_base, cl100k_base).")
    String tokenizer;
    @Option(names = "--template", paramLabel = "NAME", description = "Chat-template behaviour: plain, chatml, think-in-content, drops-system, reasoning-field.")
    String template;
    @Option(names = "--quantization", paramLabel = "ID", description = "Quantization /get_server_info reports (fp8, awq, …).")
    String quantization;
    @Option(names = {"--swapAfter", "--swap-after"}, paramLabel = "N", description = "After N chat requests, swap to --swap-tokenizer / --swap-template.")
    String swapAfter;
    @Option(names = {"--swapTokenizer", "--swap-tokenizer"}, paramLabel = "NAME", description = "Tokenizer after the swap.")
    String swapTokenizer;
    @Option(names = {"--swapTemplate", "--swap-template"}, paramLabel = "NAME", description = "Template after the swap.")
    String swapTemplate;

    /** The flags by SimOptions key; SimServerTest checks it covers {@link SimOptions#KEYS}. */
    Map<String, String> flags() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("faults", faults);
        m.put("ttftMs", ttftMs);
        m.put("tpotMs", tpotMs);
        m.put("outputTokens", outputTokens);
        m.put("reasoningTokens", reasoningTokens);
        m.put("seed", seed);
        m.put("stallMs", stallMs);
        m.put("faultKinds", faultKinds);
        m.put("depthDecay", depthDecay);
        m.put("maxModelLen", maxModelLen);
        m.put("dropToolCalls", dropToolCalls);
        m.put("tokenizer", tokenizer);
        m.put("template", template);
        m.put("quantization", quantization);
        m.put("swapAfter", swapAfter);
        m.put("swapTokenizer", swapTokenizer);
        m.put("swapTemplate", swapTemplate);
        return m;
    }

    /** The options: --options' list plus the flags, parsed as {@code --base-url sim:...} is; a key given twice is refused. */
    public SimOptions simOptions() {
        StringBuilder spec = new StringBuilder();
        if (options != null && !options.isBlank()) {
            spec.append(options.startsWith(SimOptions.SCHEME + ":") ? options.substring(SimOptions.SCHEME.length() + 1) : options);
        }
        flags().forEach((key, value) -> {
            if (value != null) {
                if (value.contains(",")) {
                    throw new BadInputException("--" + key + " '" + value + "' must not contain ','");
                }
                spec.append(spec.length() == 0 ? "" : ",").append(key).append('=').append(value);
            }
        });
        return SimOptions.parse(spec.length() == 0 ? SimOptions.SCHEME : SimOptions.SCHEME + ":" + spec, Lane.INSTANT, 0);
    }

    @Override
    public Integer call() throws InterruptedException {
        SimOptions o = simOptions();
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port " + port + " is not a port (0..65535)");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new BadInputException("--host '" + host + "' is not an address this machine can listen on");
        }
        // No oracle: nothing here knows the right answers, so answers are filler text of the configured shape.
        Simulator sim = Simulator.start(o, new InMemoryOracle(), address, port);
        PrintStream err = System.err;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            err.println("sim: stopped after " + sim.requestsServed() + " requests");
        }, "claimcheck-sim-stop"));
        System.out.println(sim.baseUrl());
        System.out.flush();
        err.println("sim: listening on " + sim.baseUrl() + " with " + o.toMap() + " (simulated: never a result; stop with Ctrl-C)");
        new CountDownLatch(1).await(); // serve until the JVM is told to stop; the hook closes the server
        return Cli.OK;
    }
}
