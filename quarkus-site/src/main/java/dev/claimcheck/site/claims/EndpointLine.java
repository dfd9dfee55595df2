package dev.claimcheck.site.claims;

import dev.claimcheck.core.model.Fingerprint;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.model.RunManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The claims page's endpoint line: the run's fingerprint at its start (tokenizer family, context length, precision)
 * with what the recipe expects beside each (docs/fingerprint.md). The verdict itself is audit-core's.
 */
final class EndpointLine {
    private EndpointLine() {
    }

    /** Empty when the run has no fingerprint and the recipe pins nothing. */
    static String of(RunManifest run, RecipeSpec.EndpointPin pin) {
        Fingerprint f = run == null || run.endpoint() == null || run.endpoint().fingerprint() == null ? null
                : run.endpoint().fingerprint().start();
        if (f == null && pin == null) {
            return "";
        }
        if (f == null) {
            return "no fingerprint in the run; the recipe expects " + expected(pin);
        }
        List<String> parts = new ArrayList<>();
        String family = f.tokenizer().family() == null ? "unknown" : f.tokenizer().family();
        parts.add("tokenizer " + family + beside(pin == null ? null : pin.tokenizerFamily()));
        parts.add("context " + (f.served().contextLength() == null ? "not reported" : f.served().contextLength())
                + beside(pin == null || pin.contextLength() == null ? null : pin.contextLength().toString()));
        String precision = f.served().precision().isEmpty() ? "not reported" : f.served().precision().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        parts.add("precision " + precision + beside(pin == null ? null : pin.precision()));
        return String.join(" · ", parts);
    }

    private static String beside(String expected) {
        return expected == null ? "" : " (recipe: " + expected + ")";
    }

    private static String expected(RecipeSpec.EndpointPin pin) {
        List<String> parts = new ArrayList<>();
        if (pin.tokenizerFamily() != null) {
            parts.add("tokenizer " + pin.tokenizerFamily());
        }
        if (pin.contextLength() != null) {
            parts.add("context " + pin.contextLength());
        }
        if (pin.precision() != null) {
            parts.add("precision " + pin.precision());
        }
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }
}
