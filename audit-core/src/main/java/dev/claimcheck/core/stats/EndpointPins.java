package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.Fingerprint;
import dev.claimcheck.core.model.RecipeSpec.EndpointPin;
import dev.claimcheck.core.model.RunFingerprint;
import dev.claimcheck.core.model.RunManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A run's fingerprints against what the claim's recipe pins (docs/fingerprint.md): each mismatch is one
 * {@code settingsDiffer} line opening with {@link #NOTE}, so a run on another tokenizer, context or precision never
 * reads {@code consistent}. Something pinned that the run cannot show (no fingerprint, a server that does not report
 * its precision) is a difference too: nothing shows the claimed endpoint answered.
 */
final class EndpointPins {
    static final String NOTE = "endpoint differs from recipe";

    /** Precision spellings engines use for one thing. */
    private static final Map<String, String> SYNONYMS = Map.of("bfloat16", "bf16", "float16", "fp16", "half", "fp16",
            "float32", "fp32", "float", "fp32");

    private EndpointPins() {
    }

    static List<String> differences(EndpointPin pin, RunManifest run) {
        if (pin == null || pin.tokenizerFamily() == null && pin.contextLength() == null && pin.precision() == null) {
            return List.of();
        }
        RunFingerprint f = run.endpoint() == null ? null : run.endpoint().fingerprint();
        if (f == null || f.start() == null) {
            return List.of(NOTE + ": the run has no endpoint fingerprint to check the pinned endpoint against");
        }
        List<String> out = new ArrayList<>();
        for (Fingerprint fp : f.end() == null ? List.of(f.start()) : List.of(f.start(), f.end())) {
            String when = fp == f.start() ? "at the start" : "at the end";
            if (pin.tokenizerFamily() != null && !pin.tokenizerFamily().equals(fp.tokenizer().family())) {
                out.add(NOTE + ": tokenizer family " + (fp.tokenizer().family() == null ? "unknown" : fp.tokenizer().family())
                        + " " + when + ", the recipe expects " + pin.tokenizerFamily());
            }
            Long context = fp.served().contextLength();
            if (pin.contextLength() != null && !pin.contextLength().equals(context)) {
                out.add(NOTE + ": context length " + (context == null ? "not reported" : context) + " " + when
                        + ", the recipe expects " + pin.contextLength());
            }
            if (pin.precision() != null && !reports(fp, pin.precision())) {
                out.add(NOTE + ": precision " + (fp.served().precision().isEmpty() ? "not reported"
                        : fp.served().precision().toString()) + " " + when + ", the recipe expects " + pin.precision());
            }
        }
        return out.stream().distinct().toList();
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
