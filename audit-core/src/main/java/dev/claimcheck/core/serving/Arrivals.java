package dev.claimcheck.core.serving;

import dev.claimcheck.core.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Open-loop arrival schedules: absolute send times (nanoseconds after the point's start), computed up front
 * from the seed, so a late send never shifts the ones after it (no drift) and the same seed gives the same
 * schedule. Gamma inter-arrival times with shape {@code burstiness} and mean 1/rate (burstiness 1 is Poisson,
 * below 1 burstier), as vLLM's and SGLang's bench clients define it.
 */
public final class Arrivals {
    /** The arrival processes. */
    public enum Kind {
        CONSTANT, POISSON, GAMMA;

        public static Kind of(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--arrival must be constant, poisson or gamma, got '" + name + "'");
            }
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Arrivals() {
    }

    /** {@code count} send times for {@code rate} requests per second. */
    public static long[] schedule(Kind kind, double rate, double burstiness, int count, long seed) {
        Random random = new Random(seed);
        long[] at = new long[count];
        double t = 0;
        double mean = 1e9 / rate;
        for (int i = 0; i < count; i++) {
            at[i] = Math.round(t);
            t += switch (kind) {
                case CONSTANT -> mean;
                case POISSON -> -Math.log(1 - random.nextDouble()) * mean;
                case GAMMA -> gamma(random, burstiness) * mean / burstiness;
            };
        }
        return at;
    }

    /** How many arrivals of a schedule fall before {@code durationNs}. */
    public static int countWithin(long[] schedule, long durationNs) {
        int i = Arrays.binarySearch(schedule, durationNs);
        return i >= 0 ? i : -i - 1;
    }

    /** A Gamma(shape, 1) draw (Marsaglia and Tsang; shape below 1 by the boost U^(1/shape)). */
    static double gamma(Random r, double shape) {
        if (shape < 1) {
            return gamma(r, shape + 1) * Math.pow(1 - r.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = r.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = r.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
