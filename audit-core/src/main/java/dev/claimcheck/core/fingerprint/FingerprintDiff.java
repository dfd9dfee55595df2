package dev.claimcheck.core.fingerprint;

import dev.claimcheck.core.model.Fingerprint;
import dev.claimcheck.core.model.Fingerprint.Canary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** How two fingerprints differ, aspect by aspect (docs/fingerprint.md). */
public final class FingerprintDiff {
    /** What differs. Every aspect but {@link #CANARIES} names the endpoint's identity; canaries may differ by chance. */
    public enum Aspect {
        MODELS("models"), CONTEXT("context"), ENGINE("engine"), PRECISION("precision"), TOKENIZER("tokenizer"),
        TEMPLATE("template"),
        /** Greedy decoding on a batched server is not bit-reproducible, so a canary change alone is a warning. */
        CANARIES("canaries");

        private final String id;

        Aspect(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** One difference: the aspect and one line naming both values. */
    public record Difference(Aspect aspect, String detail) {
        public String line() {
            return aspect.id() + ": " + detail;
        }
    }

    private FingerprintDiff() {
    }

    /**
     * The differences from {@code a} to {@code b}, in the order of {@link Aspect}; empty when they agree. A value one side
     * lacks (a probe that failed, a field the server did not report) is not compared: a failure says nothing of identity.
     */
    public static List<Difference> of(Fingerprint a, Fingerprint b) {
        List<Difference> out = new ArrayList<>();
        compare(out, Aspect.MODELS, "model ids", a.served().modelIds(), b.served().modelIds());
        compare(out, Aspect.CONTEXT, "context length", a.served().contextLength(), b.served().contextLength());
        compare(out, Aspect.ENGINE, "engine", a.served().engine(), b.served().engine());
        compare(out, Aspect.ENGINE, "engine version", a.served().engineVersion(), b.served().engineVersion());
        for (String key : new TreeSet<>(union(a.served().precision(), b.served().precision()))) {
            compare(out, Aspect.PRECISION, key, a.served().precision().get(key), b.served().precision().get(key));
        }
        if (a.tokenizer().deltas().keySet().equals(b.tokenizer().deltas().keySet())) {
            // Only over the same probes: a probe that failed on one side leaves that side's family unknown.
            compare(out, Aspect.TOKENIZER, "family", family(a), family(b));
        }
        for (String id : new TreeSet<>(union(a.tokenizer().deltas(), b.tokenizer().deltas()))) {
            compare(out, Aspect.TOKENIZER, "probe " + id, a.tokenizer().deltas().get(id), b.tokenizer().deltas().get(id));
        }
        compare(out, Aspect.TEMPLATE, "system prompt tokens", a.template().systemTokens(), b.template().systemTokens());
        compare(out, Aspect.TEMPLATE, "tool list tokens", a.template().toolsTokens(), b.template().toolsTokens());
        compare(out, Aspect.TEMPLATE, "reasoning", a.template().reasoning(), b.template().reasoning());
        compare(out, Aspect.TEMPLATE, "tool calls", a.template().toolCalls(), b.template().toolCalls());
        Map<String, String> ca = canaries(a);
        Map<String, String> cb = canaries(b);
        for (String id : new TreeSet<>(union(ca, cb))) {
            compare(out, Aspect.CANARIES, "canary " + id, shortHash(ca.get(id)), shortHash(cb.get(id)));
        }
        return out;
    }

    /** Whether any difference names the endpoint's identity (anything but canaries). */
    public static boolean identityDiffers(List<Difference> differences) {
        return differences.stream().anyMatch(d -> d.aspect() != Aspect.CANARIES);
    }

    /** The family, or "unknown (nearest X)": what a reader compares. */
    static String family(Fingerprint f) {
        return f.tokenizer().family() != null ? f.tokenizer().family()
                : "unknown" + (f.tokenizer().nearest() == null ? "" : " (nearest " + f.tokenizer().nearest() + ")");
    }

    private static void compare(List<Difference> out, Aspect aspect, String what, Object a, Object b) {
        if (unmeasured(a) || unmeasured(b)) {
            return;
        }
        if (!Objects.equals(a, b)) {
            out.add(new Difference(aspect, what + " " + shown(a) + " -> " + shown(b)));
        }
    }

    private static boolean unmeasured(Object v) {
        return v == null || v == Fingerprint.ReasoningPlacement.FAILED || v == Fingerprint.ToolCallParsing.FAILED
                || v instanceof List<?> l && l.isEmpty();
    }

    private static String shown(Object v) {
        if (v == null) {
            return "(none)";
        }
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
        return v.toString();
    }

    private static Map<String, String> canaries(Fingerprint f) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (Canary c : f.canaries()) {
            m.put(c.id(), c.sha256());
        }
        return m;
    }

    private static String shortHash(String sha) {
        return sha == null ? null : sha.substring(0, Math.min(12, sha.length()));
    }

    private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
