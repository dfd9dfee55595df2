package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.Fingerprint;
import dev.claimcheck.core.model.RecipeSpec.EndpointPin;
import dev.claimcheck.core.model.RunFingerprint;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.stats.Sentence.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A run's fingerprints against what the claim's recipe pins (docs/fingerprint.md): each mismatch is one
 * {@code settingsDiffer} line opening with "endpoint differs from recipe", so a run on another tokenizer, context or
 * precision never reads {@code consistent}. Something pinned that the run cannot show (no fingerprint, a server that
 * does not report its precision) is a difference too: nothing shows the claimed endpoint answered.
 */
final class EndpointPins {
    /** Precision spellings engines use for one thing. */
    private static final Map<String, String> SYNONYMS = Map.of("bfloat16", "bf16", "float16", "fp16", "half", "fp16",
            "float32", "fp32", "float", "fp32");

    private EndpointPins() {
    }

    static List<Sentence> differences(EndpointPin pin, RunManifest run) {
        if (pin == null || pin.tokenizerFamily() == null && pin.contextLength() == null && pin.precision() == null) {
            return List.of();
        }
        RunFingerprint f = run.endpoint() == null ? null : run.endpoint().fingerprint();
        if (f == null || f.start() == null) {
            return List.of(Sentence.of(Kind.ENDPOINT_UNFINGERPRINTED));
        }
        List<Sentence> out = new ArrayList<>();
        for (Fingerprint fp : f.end() == null ? List.of(f.start()) : List.of(f.start(), f.end())) {
            Sentence when = Sentence.of(fp == f.start() ? Kind.AT_START : Kind.AT_END);
            if (pin.tokenizerFamily() != null && !pin.tokenizerFamily().equals(fp.tokenizer().family())) {
                out.add(shown(fp.tokenizer().family(), Kind.ENDPOINT_TOKENIZER, Kind.ENDPOINT_TOKENIZER_UNKNOWN, when,
                        pin.tokenizerFamily()));
            }
            Long context = fp.served().contextLength();
            if (pin.contextLength() != null && !pin.contextLength().equals(context)) {
                out.add(shown(context, Kind.ENDPOINT_CONTEXT, Kind.ENDPOINT_CONTEXT_UNREPORTED, when, pin.contextLength()));
            }
            if (pin.precision() != null && !reports(fp, pin.precision())) {
                out.add(shown(fp.served().precision().isEmpty() ? null : fp.served().precision().toString(),
                        Kind.ENDPOINT_PRECISION, Kind.ENDPOINT_PRECISION_UNREPORTED, when, pin.precision()));
            }
        }
        return out.stream().distinct().toList();
    }

    /** The line naming what the fingerprint shows, or the one saying it shows nothing. */
    private static Sentence shown(Object value, Kind line, Kind absent, Sentence when, Object pinned) {
        return value == null ? Sentence.of(absent, when, pinned) : Sentence.of(line, value, when, pinned);
    }

    private static boolean reports(Fingerprint fp, String precision) {
        String want = normal(precision);
        return fp.served().precision().entrySet().stream()
                .filter(e -> e.getKey().equals("quantization") || e.getKey().equals("dtype"))
                .anyMatch(e -> Objects.equals(normal(e.getValue()), want));
    }

    private static String normal(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        return SYNONYMS.getOrDefault(lower, lower);
    }
}
