package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimMetric;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Whether an accuracy claim is a score its own stated size allows (docs/claims.md): a fraction of n graded attempts
 * is a whole count over n, so value × n, widened by the rounding of the value as written (0.955 ± 0.0005), must
 * contain a whole number — 0.955 of 200 is 191; 0.957 of 200 (191.4) is no score 200 tasks can give.
 */
public final class ClaimPlausibility {
    private ClaimPlausibility() {
    }

    /**
     * @param plausible some whole count of the attempts rounds to the claimed value
     * @param why the arithmetic, for the claims page
     */
    public record Check(boolean plausible, Sentence why) {
        /** {@link #why} in English. */
        public String text() {
            return why.english();
        }
    }

    /** The check, for an accuracy claim whose settings state {@code tasks} (times {@code k} when stated). */
    public static Optional<Check> of(Claim c) {
        if (c.metricKind() != ClaimMetric.ACCURACY || !c.settings().containsKey("tasks")) {
            return Optional.empty();
        }
        long n;
        try {
            n = Long.parseLong(c.settings().get("tasks").strip())
                    * (c.settings().containsKey("k") ? Long.parseLong(c.settings().get("k").strip()) : 1);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (n < 1) {
            return Optional.empty();
        }
        return Optional.of(check(c.value(), n));
    }

    /** The check of a fraction {@code value} over {@code n} attempts. */
    public static Check check(double value, long n) {
        BigDecimal v = BigDecimal.valueOf(value).stripTrailingZeros();
        double half = 0.5 * Math.pow(10, -Math.max(0, v.scale()));
        double product = value * n;
        long low = (long) Math.ceil((value - half) * n - 1e-9);
        long high = (long) Math.floor((value + half) * n + 1e-9);
        String shown = v.toPlainString();
        if (low > high) {
            return new Check(false, Sentence.of(Sentence.Kind.IMPLAUSIBLE, shown, n, trim(product)));
        }
        long nearest = Math.max(low, Math.min(high, Math.round(product)));
        return new Check(true, Sentence.of(Sentence.Kind.PLAUSIBLE, shown, n, trim(product), nearest));
    }

    private static String trim(double x) {
        return BigDecimal.valueOf(x).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
