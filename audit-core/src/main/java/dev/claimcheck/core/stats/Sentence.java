package dev.claimcheck.core.stats;

import java.util.List;

/**
 * A sentence audit-core composes, kept as its kind and its figures (already formatted, {@link java.util.Locale#ROOT})
 * so that a reader in another language can word it: the site renders {@code sentence.KIND} of its bundles with the
 * same {@code {0}}, {@code {1}}… placeholders (docs/site.md, "Languages"). {@link #english()} is the text the CLI
 * prints and the English pages show; this package knows no other language. {@code then} are the sentences that
 * follow it, each after {@value #THEN} (a note made of parts, each worded on its own).
 *
 * @param args each a {@link String} (a figure, data) or a {@link Sentence} (a clause of its own, worded in the
 *             reader's language too: "at the start", the next of a list of differences)
 */
public record Sentence(Kind kind, List<Object> args, List<Sentence> then) {
    /** What comes between a sentence and each of its {@link #then} parts, in every language. */
    public static final String THEN = " · ";
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{(\\d+)}");

    public Sentence {
        args = args.stream().map(a -> a instanceof Sentence ? a : String.valueOf(a)).toList();
        then = List.copyOf(then);
    }

    public static Sentence of(Kind kind, Object... args) {
        return new Sentence(kind, java.util.Arrays.asList(args), List.of());
    }

    /** This sentence followed by {@code next}. */
    public Sentence then(Sentence next) {
        List<Sentence> more = new java.util.ArrayList<>(then);
        more.add(next);
        return new Sentence(kind, args, more);
    }

    /** The sentences (at least one) one after another, "; " between: a list of setting differences. */
    public static Sentence joined(List<Sentence> parts) {
        Sentence out = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            out = of(Kind.JOINED, parts.get(i), out);
        }
        return out;
    }

    /** Text that has no wording of its own (a value, a note built elsewhere): shown as is. */
    public static Sentence text(String text) {
        return of(Kind.TEXT, text);
    }

    public String english() {
        StringBuilder out = new StringBuilder(fill(kind.english,
                args.stream().map(a -> a instanceof Sentence n ? n.english() : (String) a).toList()));
        then.forEach(t -> out.append(THEN).append(t.english()));
        return out.toString();
    }

    /**
     * {@code template} with each {@code {i}} replaced by {@code args[i]} (one left as it is when there is no such
     * argument), in one pass, so that an argument holding "{1}" (a file name) is not itself filled in. The site fills
     * its bundles' texts with the same rule.
     */
    public static String fill(String template, List<String> args) {
        return PLACEHOLDER.matcher(template).replaceAll(m -> {
            int i = Integer.parseInt(m.group(1));
            return java.util.regex.Matcher.quoteReplacement(i < args.size() ? args.get(i) : m.group());
        });
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
        /** Two sentences, the second often {@code JOINED} again ({@link #joined}). */
        JOINED("{0}; {1}"),
        // A stated setting the run did not use (ClaimVerdicts.differences): {0} the setting, {1} the claimed value.
        /** {2} the value the run used. */
        SETTING_USED("{0}: claimed {1}, used {2}"),
        SETTING_SERVER_DEFAULT("{0}: claimed {1}, used server default"),
        SETTING_NO_STOP("{0}: claimed {1}, used none"),
        SETTING_UNKNOWN("{0}: claimed {1}, used unknown"),
        /** {2} the protocol whose fixed setting the run used. */
        SETTING_PROTOCOLS("{0}: claimed {1}, used protocol {2}'s"),
        SETTING_UNCHECKED("{0}: claimed {1}, not checked by this harness"),
        /** {0} the claimed value, {1} the served context. */
        CAPPED_EVERY("maxTokens: claimed {0}, capped to fit the served context of {1} tokens in every attempt"),
        /** As {@link #CAPPED_EVERY}, {2} of {3} attempts capped, {4} the lowest max_tokens sent. */
        CAPPED_SOME("maxTokens: claimed {0}, capped to fit the served context of {1} tokens in {2} of {3} attempts "
                + "(as low as {4})"),
        // The endpoint against the recipe's pin (EndpointPins): {0} what the fingerprint shows, {1} when (AT_START or
        // AT_END), {2} the pin; without a value shown, {0} when and {1} the pin.
        ENDPOINT_UNFINGERPRINTED("endpoint differs from recipe: the run has no endpoint fingerprint to check the pinned "
                + "endpoint against"),
        ENDPOINT_TOKENIZER("endpoint differs from recipe: tokenizer family {0} {1}, the recipe expects {2}"),
        ENDPOINT_TOKENIZER_UNKNOWN("endpoint differs from recipe: tokenizer family unknown {0}, the recipe expects {1}"),
        ENDPOINT_CONTEXT("endpoint differs from recipe: context length {0} {1}, the recipe expects {2}"),
        ENDPOINT_CONTEXT_UNREPORTED("endpoint differs from recipe: context length not reported {0}, the recipe expects {1}"),
        ENDPOINT_PRECISION("endpoint differs from recipe: precision {0} {1}, the recipe expects {2}"),
        ENDPOINT_PRECISION_UNREPORTED("endpoint differs from recipe: precision not reported {0}, the recipe expects {1}"),
        AT_START("at the start"),
        AT_END("at the end"),
        // The dataset against the recipe's pin (DatasetPins): {0} the pinned hash, {1} the run's.
        DATASET_SHA256("dataset: the recipe pins sha256 {0}, the run read {1}"),
        TASKS_SKIPPED("tasks: the run left out the tasks this harness cannot set up (--skip-unsupported), {0} run: not the "
                + "full benchmark"),
        DATASET_UNHASHED("dataset: the recipe pins sha256 {0}, the run read an unhashed dataset"),
        DATASET_ANSWERS("dataset: the recipe pins answersSha256 {0}, the run's answers hash is {1}"),
        DATASET_ANSWERS_UNRECORDED("dataset: the recipe pins answersSha256 {0}, the run's answers hash is not recorded"),
        /** {0} the claimed fraction, {1} the attempts, {2} their product, {3} the whole count it rounds from. */
        PLAUSIBLE("{0} × {1} = {2}: {3} of {1}"),
        IMPLAUSIBLE("{0} × {1} = {2}: no whole count of {1} rounds to {0}"),
        // Why RoutingAnalysis cannot compare two runs.
        ROUTING_OTHER_SUITES("the runs are on different suites: {0} and {1}"),
        ROUTING_OTHER_DATA("the runs are on different data: dataset sha256 {0} and {1}"),
        /** {0}, {2} how many tasks only one run has, {1}, {3} empty or {@link #FIRST_TASK}. */
        ROUTING_OTHER_TASKS("the runs are not on the same tasks: {0} only in the instant run{1}, {2} only in the "
                + "thinking run{3}"),
        FIRST_TASK(" (first: {0})"),
        ROUTING_NO_ATTEMPTS("the runs have no attempts"),

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
        MANIFEST_MALFORMED("malformed {0}: {1}"),

        // Why a proof run's human review is not counted (verify.ReviewCheck): {0} the signature file, or the solution.
        /** {0} the system's message. */
        REVIEW_UNLISTABLE("cannot list ({0})"),
        REVIEW_SYMLINK("a symbolic link: never followed"),
        /** {0} the review or signature file: a FIFO or device there would block the read. */
        REVIEW_NOT_REGULAR("{0}: not a regular file: never read"),
        REVIEW_UNSIGNED("{0}: not found: the review is not signed"),
        /** {1} the signature parser's own message. */
        REVIEW_BAD_SIGNATURE("{0}: {1}"),
        /** {0} the run the review names, {1} this run. */
        REVIEW_OTHER_RUN("reviews run {0}, not {1}"),
        /** {0} the problem#attempt graded. */
        REVIEW_NO_SOLUTION("{0}: no such solution in the run"),
        /** {1} the hash the review read, {2} the run's. */
        REVIEW_OTHER_SOLUTION("{0}: the review read solution {1}, the run holds {2}"),
        /** {1} the points awarded, {2} the problem's maximum. */
        REVIEW_POINTS_OUTSIDE("{0}: {1} points outside [0, {2}]");

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
