package dev.claimcheck.core.verify;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One thing {@code verify} found wrong (or worth a warning) in a run folder: its {@link Kind} and one line of detail.
 * Tests assert the id, not the wording; docs/verification.md lists every kind in the order of {@link Kind}.
 *
 * @param kind what was found; it carries the stable id, the check and the severity
 * @param detail one line of explanation; never contains key material
 */
public record Finding(Kind kind, String detail) {
    /** FAIL makes the run untrusted; DRIFT (a newer grader disagrees) and WARN (not re-graded) are reported only. */
    public enum Severity { FAIL, DRIFT, WARN }

    /** The checks in the order verify runs them. */
    public static final List<String> CHECKS = List.of("limits", "schema", "manifest", "signature", "simulated", "consistency",
            "proofs", "references", "journal", "metrics", "regrade", "shards");

    /** Every kind of finding, grouped by check in the order verify runs them (the order of docs/verification.md's table). */
    public enum Kind {
        /** A file, line, JSON nesting depth or the folder as a whole exceeds the verifier's limits; nothing else is read. */
        LIMIT_EXCEEDED("limitExceeded", "limits"),
        /**
         * run.json is missing, not JSON, of an unknown schema version, or a field is invalid (NaN, negative score, bad run id,
         * wrong location).
         */
        SCHEMA("schema", "schema"),
        /** A repeated key in a JSON object of run.json, a journal line or comparison.json (two readings of one file). */
        DUPLICATE_KEY("duplicateKey", "schema"),
        /** run.json status is not complete. */
        INCOMPLETE("incomplete", "schema"),
        /** MANIFEST is not in the strict sha256sum format (unsorted, duplicate, bad line, lists MANIFEST itself). */
        MANIFEST_MALFORMED("manifestMalformed", "manifest"),
        /** A file listed in MANIFEST is not in the folder. */
        MANIFEST_MISSING("manifestMissing", "manifest"),
        /** A file in the folder is not listed in MANIFEST. */
        MANIFEST_EXTRA("manifestExtra", "manifest"),
        /** A listed file's SHA-256 differs from MANIFEST. */
        HASH_MISMATCH("hashMismatch", "manifest"),
        /** A symbolic link inside the run folder. */
        SYMLINK("symlink", "manifest"),
        /** A FIFO, device, socket, or a listed path that is a directory. */
        NOT_REGULAR_FILE("notRegularFile", "manifest"),
        /** A file name that is not valid UTF-8, or two names that are one after Unicode normalisation or case folding. */
        FILE_NAME("fileName", "manifest"),
        /** MANIFEST lists an absolute path or one that climbs out with '..'. */
        PATH_TRAVERSAL("pathTraversal", "manifest"),
        /** MANIFEST or MANIFEST.sig is absent. */
        UNSIGNED("unsigned", "signature"),
        /** MANIFEST.sig is damaged or does not match MANIFEST. */
        BAD_SIGNATURE("badSignature", "signature"),
        /** MANIFEST.sig was made for another namespace than claimcheck. */
        WRONG_NAMESPACE("wrongNamespace", "signature"),
        /** The signature is valid but its key is not in allowed_signers (a maintainer may add it in the same pull request). */
        UNKNOWN_SIGNER("unknownSigner", "signature"),
        /** The key is listed but retired: now is after its valid-before. */
        EXPIRED_SIGNER("expiredSigner", "signature"),
        /** The key is listed but only from its valid-after on. */
        NOT_YET_VALID_SIGNER("notYetValidSigner", "signature"),
        /** The key is listed with a namespaces option that excludes claimcheck. */
        NAMESPACE_NOT_ALLOWED("namespaceNotAllowed", "signature"),
        /** A simulated run inside a claimcheck repository's own results/ (allowed only with --allow-simulated). */
        SIMULATED_IN_RESULTS("simulatedInResults", "simulated"),
        /** The endpoint recorded is the simulator (sim base URL, claimcheck-sim engine, simulator block) but simulated is false. */
        SIMULATED_MISLABELLED("simulatedMislabelled", "simulated"),
        /** model.id, model.slug, request.template.model and the samples' request.model do not name one model. */
        MODEL_MISMATCH("modelMismatch", "consistency"),
        /** The run id's time is not a valid instant, lies outside startedAt..finishedAt, or is in the verifier's future. */
        TIMESTAMP_INVALID("timestampInvalid", "consistency"),
        /** summary.csv differs from the one store.SummaryCsv derives from run.json. */
        SUMMARY_MISMATCH("summaryMismatch", "consistency"),
        /**
         * The endpoint's fingerprint at the end of the run differs from the one at its start in what identifies it
         * (models, context, engine, precision, tokenizer, template): something else answered part of the run.
         */
        ENDPOINT_CHANGED("endpointChanged", "consistency"),
        /** Only the temperature-0 canary answers changed between the fingerprints: reported, not a failure. */
        CANARY_CHANGED("canaryChanged", "consistency", Severity.WARN),
        /** A proof listed in run.json is not in the root (or its path leaves the root's proofs/). */
        PROOF_MISSING("proofMissing", "proofs"),
        /** A proof's SHA-256 differs from run.json. */
        PROOF_HASH_MISMATCH("proofHashMismatch", "proofs"),
        /** The recipe or claim file named in run.json is not in the root. */
        REFERENCE_MISSING("referenceMissing", "references"),
        /** The recipe or claim file differs from the sha256 in run.json. */
        REFERENCE_HASH_MISMATCH("referenceHashMismatch", "references"),
        /**
         * The run's recipe (present, matching) pins dataset hashes the run's dataset does not have: a run made with
         * --allow-unpinned on other data, recorded honestly but no reproduction of the claim (its verdict reads settingsDiffer).
         */
        OFF_PIN("offPin", "references", Severity.WARN),
        /** run.json's claimRef names a claim id the (present, matching) claims file does not hold. */
        CLAIM_NOT_FOUND("claimNotFound", "references"),
        /** The journal has a torn line, a line that is not a valid sample, a missing part or an attempt outside k. */
        JOURNAL_CORRUPT("journalCorrupt", "journal"),
        /** Two journal lines for the same task and attempt. */
        DUPLICATE_ATTEMPT("duplicateAttempt", "journal"),
        /**
         * A complete run lacks attempts: a task with fewer than k attempts, or a shard with fewer samples than its pairs
         * (failed attempts dropped and the metrics recomputed would otherwise pass).
         */
        ATTEMPT_MISSING("attemptMissing", "journal"),
        /** A metric recomputed from the journal differs from run.json (counts exactly, floats by more than 1e-9). */
        METRICS_MISMATCH("metricsMismatch", "metrics"),
        /** An A/B arm's comparison.json differs from the comparison recomputed from both arms' points (or is unreadable). */
        COMPARISON_MISMATCH("comparisonMismatch", "metrics"),
        /** An A/B arm's comparison.json could not be re-checked: the other arm is not in the root. */
        COMPARISON_NOT_CHECKED("comparisonNotChecked", "metrics", Severity.WARN),
        /** The regenerated dataset's sha256 differs from run.json. */
        DATASET_MISMATCH("datasetMismatch", "regrade"),
        /** A sample's task id is not among the regenerated tasks. */
        UNKNOWN_TASK("unknownTask", "regrade"),
        /**
         * A complete run lacks whole tasks: fewer task ids in the journal than run.json's {@code tasks.count}, or a
         * regenerated task (after the run's limit) or dataset row with no attempt in a run that is not a shard.
         */
        TASK_MISSING("taskMissing", "regrade"),
        /**
         * The journal's task ids are not the task list run.json committed to at the start ({@code tasks}): as many or
         * more tasks than committed, but other ones (fewer is taskMissing).
         */
        TASK_LIST_MISMATCH("taskListMismatch", "regrade"),
        /**
         * A complete task-based run records no {@code tasks} commitment (made before the field existed): dropped whole
         * tasks are caught only where the task list can be re-derived. Reported, never a failure.
         */
        TASK_LIST_UNCOMMITTED("taskListUncommitted", "regrade", Severity.WARN),
        /** A sample's promptSha256 differs from the regenerated prompt. */
        PROMPT_MISMATCH("promptMismatch", "regrade"),
        /** A sample's verdict.expected differs from the regenerated answer. */
        EXPECTED_MISMATCH("expectedMismatch", "regrade"),
        /** Re-grading the recorded response with the recorded grader version gives another verdict. */
        REGRADE_MISMATCH("regradeMismatch", "regrade"),
        /** The run records an older grader version and the current grader disagrees: reported, not a failure. */
        REGRADE_DRIFT("regradeDrift", "regrade", Severity.DRIFT),
        /** No re-grader exists for the suite (or re-grading was skipped): a warning, not a pass. */
        NOT_REGRADED("notRegraded", "regrade", Severity.WARN),
        /** A human review of a proof run is validly signed, but not by a key allowed for its reviewer: not counted. */
        REVIEW_UNTRUSTED("reviewUntrusted", "regrade", Severity.WARN),
        /** A human review of a proof run is unsigned, its signature fails, or it names solutions the run does not hold. */
        REVIEW_INVALID("reviewInvalid", "regrade", Severity.WARN),
        /** A merged run lacks a shard index, a cited shard folder is not in the root, or the shards miss some pairs. */
        SHARD_MISSING("shardMissing", "shards"),
        /** A shard index is cited twice, or one (task, attempt) pair is in two shards. */
        SHARD_DUPLICATED("shardDuplicated", "shards"),
        /**
         * A cited shard is of another run (partition, task list, settings), its MANIFEST or signature is not the one
         * cited, or the merged samples are not the shards' own.
         */
        SHARD_FOREIGN("shardForeign", "shards"),
        /** A cited shard fails its own verification. */
        SHARD_UNVERIFIED("shardUnverified", "shards");

        private final String id;
        private final String check;
        private final Severity severity;

        Kind(String id, String check) {
            this(id, check, Severity.FAIL);
        }

        Kind(String id, String check, Severity severity) {
            this.id = id;
            this.check = check;
            this.severity = severity;
        }

        /** Stable camelCase id, printed in every line and asserted by tests. */
        public String id() {
            return id;
        }

        /** The group of checks it belongs to (limits, schema, manifest, signature, ...), for PASS lines. */
        public String check() {
            return check;
        }

        public Severity severity() {
            return severity;
        }
    }

    public Finding {
        Objects.requireNonNull(kind, "kind");
    }

    public String id() {
        return kind.id();
    }

    public String check() {
        return kind.check();
    }

    public Severity severity() {
        return kind.severity();
    }

    /** {@code FAIL <id>: <detail>} (or DRIFT / WARN), the line verify prints. */
    public String line() {
        return severity() + " " + id() + ": " + detail;
    }

    /** The same kind with another detail (for "... and N more" lines). */
    Finding withDetail(String other) {
        return new Finding(kind, other);
    }

    /** Every finding id, in the order of {@link Kind}. */
    public static List<String> ids() {
        return Arrays.stream(Kind.values()).map(Kind::id).toList();
    }
}
