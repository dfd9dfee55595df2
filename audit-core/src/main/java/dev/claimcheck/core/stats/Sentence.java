package dev.claimcheck.core.stats;

import java.util.List;

/**
 * A sentence audit-core composes, kept as its kind and its figures (already formatted, {@link java.util.Locale#ROOT})
 * so that a reader in another language can word it: the site renders {@code sentence.KIND} of its bundles with the
 * same {@code {0}}, {@code {1}}… placeholders (docs/site.md, "Languages"). {@link #english()} is the text the CLI
 * prints and the English pages show; this package knows no other language. {@code then} are the sentences that
 * follow it, each after {@value #THEN} (a note made of parts, each worded on its own).
 */
public record Sentence(Kind kind, List<String> args, List<Sentence> then) {
    /** What comes between a sentence and each of its {@link #then} parts, in every language. */
    public static final String THEN = " · ";
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{(\\d+)}");

    public Sentence {
        args = List.copyOf(args);
        then = List.copyOf(then);
    }

    public static Sentence of(Kind kind, Object... args) {
        return new Sentence(kind, java.util.Arrays.stream(args).map(String::valueOf).toList(), List.of());
    }

    /** This sentence followed by {@code next}. */
    public Sentence then(Sentence next) {
        List<Sentence> more = new java.util.ArrayList<>(then);
        more.add(next);
        return new Sentence(kind, args, more);
    }

    /** Text that has no wording of its own (a list of setting differences, a note built elsewhere): shown as is. */
    public static Sentence text(String text) {
        return of(Kind.TEXT, text);
    }

    public String english() {
        // one pass, so that a figure holding "{1}" (a file name) is not itself filled in
        StringBuilder out = new StringBuilder(PLACEHOLDER.matcher(kind.english).replaceAll(m -> {
            int i = Integer.parseInt(m.group(1));
            return java.util.regex.Matcher.quoteReplacement(i < args.size() ? args.get(i) : m.group());
        }));
        then.forEach(t -> out.append(THEN).append(t.english()));
        return out.toString();
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
                + "per task."),

        // A self-graded proofs claim (the site's claims.ProofClaims): the rule that gave the verdict, then the graders.
        /** {@code {0}} the graders that graded every problem. */
        PROOF_FEW_GRADERS("fewer than two independent graders graded every problem ({0})"),
        /** {0} the claimed total, {1}, {2} the graders' range, {3} the graders. */
        PROOF_WITHIN("claimed total {0} lies within the graders' range [{1}, {2}] (sum over problems of the lowest and "
                + "highest of {3} graders' points)"),
        /** As {@link #PROOF_WITHIN}. */
        PROOF_OUTSIDE("claimed total {0} lies outside the graders' range [{1}, {2}] (sum over problems of the lowest and "
                + "highest of {3} graders' points)"),
        /** {0} the dataset. */
        PROOF_NO_RUN("no proofs run of {0} yet"),
        PROOF_NO_SELF_GRADE("the run holds no self-grade for every problem"),
        PROOF_SIMULATED_CONSISTENT(SIMULATED_ONLY.english + "; the graders' verdict on it: consistent"),
        PROOF_SIMULATED_REFUTED(SIMULATED_ONLY.english + "; the graders' verdict on it: refuted"),
        PROOF_SIMULATED_NOT_REPRODUCED(SIMULATED_ONLY.english + "; the graders' verdict on it: notReproduced"),
        /** {0} graders, {1} of them judges, {2} human reviewers. */
        PROOF_GRADERS("{0} graders ({1} judges, {2} human reviewers)"),
        /** {0} the sum of the README's points, {1} the ledger's value. */
        PROOF_README_SUM("the vendor's README sums to {0}, the ledger states {1}"),

        // A run folder's signature (provenance.SignatureVerdict; its trust words are provenance.Trust#describe's).
        /** {0} the file not found. */
        UNSIGNED("{0} not found: the run folder is not signed"),
        /** {0} the signing key's fingerprint, {1} the principals. */
        SIGNED_TRUSTED("signed by {0}: trusted signer {1}"),
        /** {0} the signing key's fingerprint, {1} the key's (the same). */
        SIGNED_UNKNOWN_KEY("signed by {0}: unknown signer key {1} (not in allowed_signers)"),
        /** {0} fingerprint, {1} principals, {2} valid-before. */
        SIGNED_EXPIRED("signed by {0}: signer {1} expired at {2}"),
        /** {0} fingerprint, {1} principals, {2} valid-after. */
        SIGNED_NOT_YET_VALID("signed by {0}: signer {1} not valid before {2}"),
        /** {0} fingerprint, {1} principals, {2} the namespaces allowed, {3} the one signed. */
        SIGNED_NAMESPACE_NOT_ALLOWED("signed by {0}: signer {1} may sign namespaces \"{2}\", not \"{3}\""),
        /** {0} fingerprint, {1} the principals the key is listed for, {2} the one asked for. */
        SIGNED_PRINCIPAL_MISMATCH("signed by {0}: key is listed for {1}, not for {2}"),

        // A run folder that disagrees with its MANIFEST (provenance.ManifestFinding): {0} the path, {1} the reason.
        MANIFEST_MISSING("missing file: {0}"),
        MANIFEST_EXTRA("extra file not in MANIFEST: {0}"),
        MANIFEST_HASH_MISMATCH("hash mismatch: {0} ({1})"),
        MANIFEST_SYMLINK("symbolic link not allowed: {0}"),
        MANIFEST_NOT_REGULAR_FILE("not a regular file: {0}"),
        MANIFEST_OUTSIDE_FOLDER("path outside the run folder: {0}"),
        MANIFEST_BAD_NAME("file name {0}: {1}"),
        MANIFEST_MALFORMED("malformed {0}: {1}");

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
