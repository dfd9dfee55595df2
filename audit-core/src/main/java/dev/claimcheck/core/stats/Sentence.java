package dev.claimcheck.core.stats;

import java.util.List;

/**
 * A sentence audit-core composes, kept as its kind and its figures (already formatted, {@link java.util.Locale#ROOT})
 * so that a reader in another language can word it: the site renders {@code sentence.KIND} of its bundles with the
 * same {@code {0}}, {@code {1}}… placeholders (docs/site.md, "Languages"). {@link #english()} is the text the CLI
 * prints and the English pages show; this package knows no other language.
 */
public record Sentence(Kind kind, List<String> args) {
    public Sentence {
        args = List.copyOf(args);
    }

    public static Sentence of(Kind kind, Object... args) {
        return new Sentence(kind, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** Text that has no wording of its own (a list of setting differences, a note built elsewhere): shown as is. */
    public static Sentence text(String text) {
        return of(Kind.TEXT, text);
    }

    public String english() {
        String s = kind.english;
        for (int i = 0; i < args.size(); i++) {
            s = s.replace("{" + i + "}", args.get(i));
        }
        return s;
    }

    public enum Kind {
        /** Shown as its one argument in every language. */
        TEXT("{0}"),
        UNKNOWN_METRIC("unknown metric '{0}'"),
        NOT_AUDITED("an audit run does not measure {0}"),
        NO_RUN("no run yet"),
        NOT_MEASURED("the run does not measure {0}"),
        SIMULATED_ONLY("only simulated runs (a harness self-test, not evidence about the model)"),
        UNDISCLOSED("the source does not state the settings"),
        NO_INTERVAL("fewer than 2 tasks: no interval"),
        REFUTED("claim above the 95% CI"),
        EXCEEDS("reproduction above the claim"),
        CONSISTENT("claim inside the 95% CI"),
        /** {0} the claim in %, {1} the shortfall in points, {2} tasks × attempts. */
        POWER("refuting {0}% when the truth is {1} points lower needs about {2} independent tasks × attempts "
                + "(80% power, one-sided 2.5%)"),
        /** As {@link #POWER}, {3} the tasks the claim used. */
        POWER_TASKS(POWER.english + "; the claim used {3} tasks"),
        /** Said before a routing sentence about simulated runs, a space between. */
        ROUTING_SIMULATED("Simulated runs (a harness self-test, not a result):"),
        /**
         * {0} the strategy, {1} its accuracy %, {2} the thinking model's, {3}, {4} its interval, {5} the strategy's
         * tokens, {6} the thinking model's, {7} % fewer, {8} % of instant answers escalated.
         */
        ROUTING_CHEAPER("{0} scores {1}%, inside the thinking model's 95% CI ({2}% [{3}%, {4}%]) or above it, with {5} "
                + "output tokens per task instead of {6} ({7}% fewer), escalating {8}% of instant answers."),
        /** {0} the thinking model's accuracy %, {1} instant's, {2} the oracle's, {3} its tokens. */
        ROUTING_NONE("No strategy that a router can run reaches the thinking model's {0}% with fewer tokens; instant "
                + "alone scores {1}%, and even escalating exactly the wrong answers (the oracle) gives {2}% at {3} tokens "
                + "per task.");

        private final String english;

        Kind(String english) {
            this.english = english;
        }

        /** The English wording, with its placeholders. */
        public String english() {
            return english;
        }
    }
}
