package dev.claimcheck.core.sim;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Lane;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The simulator's behaviour, from {@code --base-url sim} or {@code sim:k=v,...} (docs/simulator.md).
 * {@link #toMap()} lists every effective value so a resumed run rebuilds exactly the same simulator.
 *
 * @param accuracy probability of the correct answer
 * @param faults fraction of requests hit by an injected fault
 * @param ttftMs wait before the first token
 * @param tpotMs wait between tokens
 * @param outputTokens content tokens (grown just enough to fit the final answer sentence)
 * @param reasoningTokens reasoning tokens sent before the content
 * @param seed seed of every draw
 * @param stallMs silence of the stall fault before the connection closes
 * @param faultKinds the faults to draw from (uniformly); all when the option is not given
 * @param depthDecay for answers planted at a depth d in [0, 1] (long context): accuracy × (1 − depthDecay × d)
 * @param maxModelLen the context length {@code /v1/models} reports as {@code max_model_len} (vLLM's spelling); 0: none
 * @param dropToolCalls answer a tool-calling turn with neither content nor {@code tool_calls}, as a server whose
 *                      tool-call parser drops them (what {@code toolcheck} must catch)
 * @param identity the tokenizer, template and quantization it impersonates, and a swap mid-run (docs/fingerprint.md)
 */
public record SimOptions(double accuracy, double faults, long ttftMs, long tpotMs, int outputTokens, int reasoningTokens,
                         long seed, long stallMs, Set<SimFault> faultKinds, double depthDecay,
                         long maxModelLen, boolean dropToolCalls, SimIdentity identity) {
    public static final String SCHEME = "sim";
    public static final int THINKING_REASONING_TOKENS = 256;
    /** The keys accepted after {@code sim:}, in documentation order. */
    public static final List<String> KEYS = List.of("accuracy", "faults", "ttftMs", "tpotMs", "outputTokens",
            "reasoningTokens", "seed", "stallMs", "faultKinds", "depthDecay", "maxModelLen", "dropToolCalls", "tokenizer",
            "template", "quantization", "swapAfter", "swapTokenizer", "swapTemplate");

    public SimOptions {
        check(accuracy >= 0 && accuracy <= 1, "accuracy", accuracy, "a number in [0, 1]");
        check(faults >= 0 && faults <= 1, "faults", faults, "a number in [0, 1]");
        check(ttftMs >= 0, "ttftMs", ttftMs, "milliseconds >= 0");
        check(tpotMs >= 0, "tpotMs", tpotMs, "milliseconds >= 0");
        check(outputTokens >= 1, "outputTokens", outputTokens, "an integer >= 1");
        check(reasoningTokens >= 0, "reasoningTokens", reasoningTokens, "an integer >= 0");
        check(stallMs >= 0, "stallMs", stallMs, "milliseconds >= 0");
        check(depthDecay >= 0 && depthDecay <= 1, "depthDecay", depthDecay, "a number in [0, 1]");
        check(maxModelLen >= 0, "maxModelLen", maxModelLen, "tokens >= 0");
        identity = identity == null ? SimIdentity.DEFAULT : identity;
        faultKinds = faultKinds == null || faultKinds.isEmpty() ? Collections.unmodifiableSet(EnumSet.allOf(SimFault.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(faultKinds));
    }

    /** Options impersonating the default identity. */
    public SimOptions(double accuracy, double faults, long ttftMs, long tpotMs, int outputTokens, int reasoningTokens,
                      long seed, long stallMs, Set<SimFault> faultKinds, double depthDecay, long maxModelLen) {
        this(accuracy, faults, ttftMs, tpotMs, outputTokens, reasoningTokens, seed, stallMs, faultKinds, depthDecay, maxModelLen,
                false, SimIdentity.DEFAULT);
    }

    /** The same options with another reasoning length (the completions API has none; enable_thinking asks for some). */
    SimOptions withReasoningTokens(int tokens) {
        return new SimOptions(accuracy, faults, ttftMs, tpotMs, outputTokens, tokens, seed, stallMs, faultKinds, depthDecay,
                maxModelLen, dropToolCalls, identity);
    }

    /** The same options with the identity that serves request number {@code request} (the swap applied). */
    SimOptions atRequest(long request) {
        SimIdentity now = identity.at(request);
        return now == identity ? this : new SimOptions(accuracy, faults, ttftMs, tpotMs, outputTokens, reasoningTokens, seed,
                stallMs, faultKinds, depthDecay, maxModelLen, dropToolCalls, now);
    }

    /** The defaults for a lane and run seed. */
    public static SimOptions defaults(Lane lane, long runSeed) {
        return new SimOptions(0.7, 0.0, 0, 0, 32, lane == Lane.THINKING ? THINKING_REASONING_TOKENS : 0, runSeed, 3000,
                null, 0.0, 0, false, SimIdentity.DEFAULT);
    }

    /** Whether a {@code --base-url} value names the simulator. */
    public static boolean isSim(String baseUrlSpec) {
        return baseUrlSpec != null && (baseUrlSpec.equals(SCHEME) || baseUrlSpec.startsWith(SCHEME + ":"));
    }

    /** Parses {@code sim} or {@code sim:accuracy=0.5,faults=0.2,...}; bad input names the offending key. */
    public static SimOptions parse(String baseUrlSpec, Lane lane, long runSeed) {
        if (!isSim(baseUrlSpec)) {
            throw new BadInputException("not a simulator spec: '" + baseUrlSpec + "' (expected sim or sim:key=value,...)");
        }
        String rest = baseUrlSpec.substring(SCHEME.length());
        Map<String, String> pairs = new LinkedHashMap<>();
        if (rest.startsWith(":") && rest.length() > 1) {
            for (String part : rest.substring(1).split(",", -1)) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new BadInputException("bad simulator option '" + part + "' in " + baseUrlSpec
                            + " (expected key=value; keys: " + String.join(", ", KEYS) + ")");
                }
                String key = part.substring(0, eq).trim();
                if (pairs.put(key, part.substring(eq + 1).trim()) != null) {
                    throw new BadInputException("simulator option '" + key + "' given twice in " + baseUrlSpec);
                }
            }
        }
        return apply(defaults(lane, runSeed), pairs);
    }

    /** Rebuilds options from {@link #toMap()} (e.g. read back from run.json to resume a run). */
    public static SimOptions fromMap(Map<String, String> map) {
        return apply(defaults(Lane.INSTANT, 0), map);
    }

    /** Every effective value, sorted by key; faultKinds joined with '+'. */
    public Map<String, String> toMap() {
        Map<String, String> m = new TreeMap<>();
        m.put("accuracy", Double.toString(accuracy));
        m.put("faults", Double.toString(faults));
        m.put("ttftMs", Long.toString(ttftMs));
        m.put("tpotMs", Long.toString(tpotMs));
        m.put("outputTokens", Integer.toString(outputTokens));
        m.put("reasoningTokens", Integer.toString(reasoningTokens));
        m.put("seed", Long.toString(seed));
        m.put("stallMs", Long.toString(stallMs));
        m.put("faultKinds", faultKinds.stream().map(SimFault::id).collect(Collectors.joining("+")));
        if (depthDecay != 0) {
            // Listed only when set, so runs that do not use it record the same simulator map as before it existed.
            m.put("depthDecay", Double.toString(depthDecay));
        }
        if (maxModelLen != 0) {
            m.put("maxModelLen", Long.toString(maxModelLen));
        }
        if (dropToolCalls) {
            m.put("dropToolCalls", "true");
        }
        identity.putInto(m);
        return Collections.unmodifiableMap(m);
    }

    /** The fault kinds as a list in declaration order (draws index into it). */
    List<SimFault> faultList() {
        return new ArrayList<>(faultKinds);
    }

    private static SimOptions apply(SimOptions d, Map<String, String> pairs) {
        double accuracy = d.accuracy;
        double faults = d.faults;
        long ttftMs = d.ttftMs;
        long tpotMs = d.tpotMs;
        int outputTokens = d.outputTokens;
        int reasoningTokens = d.reasoningTokens;
        long seed = d.seed;
        long stallMs = d.stallMs;
        Set<SimFault> kinds = null;
        double depthDecay = d.depthDecay;
        long maxModelLen = d.maxModelLen;
        boolean dropToolCalls = d.dropToolCalls;
        SimIdentity was = d.identity;
        String tokenizer = was.tokenizer();
        SimTemplate template = was.template();
        String quantization = was.quantization();
        long swapAfter = was.swapAfter();
        String swapTokenizer = was.swapTokenizer();
        SimTemplate swapTemplate = was.swapTemplate();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            switch (k) {
                case "accuracy" -> accuracy = number(k, v);
                case "faults" -> faults = number(k, v);
                case "ttftMs" -> ttftMs = integer(k, v);
                case "tpotMs" -> tpotMs = integer(k, v);
                case "outputTokens" -> outputTokens = (int) integer(k, v);
                case "reasoningTokens" -> reasoningTokens = (int) integer(k, v);
                case "seed" -> seed = integer(k, v);
                case "stallMs" -> stallMs = integer(k, v);
                case "depthDecay" -> depthDecay = number(k, v);
                case "maxModelLen" -> maxModelLen = integer(k, v);
                case "dropToolCalls" -> dropToolCalls = bool(k, v);
                case "tokenizer" -> tokenizer = v;
                case "template" -> template = SimTemplate.of(v);
                case "quantization" -> quantization = plain(k, v);
                case "swapAfter" -> swapAfter = integer(k, v);
                case "swapTokenizer" -> swapTokenizer = v;
                case "swapTemplate" -> swapTemplate = SimTemplate.of(v);
                case "faultKinds" -> {
                    kinds = EnumSet.noneOf(SimFault.class);
                    for (String id : v.split("\\+")) {
                        if (!id.isBlank()) {
                            kinds.add(SimFault.of(id));
                        }
                    }
                    if (kinds.isEmpty()) {
                        throw new BadInputException("simulator option faultKinds is empty (known: "
                                + java.util.Arrays.stream(SimFault.values()).map(SimFault::id)
                                .collect(Collectors.joining("+")) + ")");
                    }
                }
                default -> throw new BadInputException("unknown simulator option '" + k + "' (keys: "
                        + String.join(", ", KEYS) + ")");
            }
        }
        return new SimOptions(accuracy, faults, ttftMs, tpotMs, outputTokens, reasoningTokens, seed, stallMs, kinds, depthDecay,
                maxModelLen, dropToolCalls, new SimIdentity(tokenizer, template, quantization, swapAfter, swapTokenizer, swapTemplate));
    }

    /** A short plain id (what a server reports as its quantization: fp8, awq, w4a16). */
    private static String plain(String key, String v) {
        if (!v.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new BadInputException("simulator option " + key + "='" + v + "' is not a short id ([A-Za-z0-9._-], 1-32 characters)");
        }
        return v;
    }

    private static double number(String key, String v) {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadInputException("simulator option " + key + "='" + v + "' is not a number");
        }
    }

    private static boolean bool(String key, String v) {
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadInputException("simulator option " + key + "='" + v + "' is not true or false");
        };
    }

    private static long integer(String key, String v) {
        try {
            long n = Long.parseLong(v);
            if ((key.endsWith("Tokens")) && (n > Integer.MAX_VALUE)) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadInputException("simulator option " + key + "='" + v + "' is not an integer");
        }
    }

    private static void check(boolean ok, String key, Object value, String expected) {
        if (!ok) {
            throw new BadInputException("simulator option " + key + "=" + value + " is out of range (expected "
                    + expected + ")");
        }
    }
}
