package dev.claimcheck.core.verify;

import java.util.Arrays;
import java.util.List;

/**
 * One thing {@code verify} found wrong (or worth a warning) in a run folder. Every kind is its own record with a
 * stable camelCase {@link #id()} (docs/verification.md lists them); tests assert the id, not the wording.
 */
public sealed interface Finding {
    /** FAIL makes the run untrusted; DRIFT (a newer grader disagrees) and WARN (not re-graded) are reported only. */
    enum Severity { FAIL, DRIFT, WARN }

    /** Stable camelCase id of the check that produced this finding. */
    String id();

    /** The group of checks it belongs to (limits, schema, manifest, signature, ...), for PASS lines. */
    String check();

    /** One line of explanation; never contains key material. */
    String detail();

    default Severity severity() {
        return Severity.FAIL;
    }

    /** {@code FAIL <id>: <detail>} (or DRIFT / WARN), the line verify prints. */
    default String line() {
        return severity() + " " + id() + ": " + detail();
    }

    /** The checks in the order verify runs them. */
    List<String> CHECKS = List.of("limits", "schema", "manifest", "signature", "simulated", "consistency", "proofs", "references",
            "journal", "metrics", "regrade");

    /** Every finding id, in declaration order. */
    static List<String> ids() {
        return Arrays.stream(Finding.class.getPermittedSubclasses()).map(c -> {
            try {
                return ((Finding) c.getDeclaredConstructor(String.class).newInstance("")).id();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** A file, line, JSON nesting depth or the folder as a whole exceeds the verifier's limits; nothing else is read. */
    record LimitExceeded(String detail) implements Finding {
        public String id() {
            return "limitExceeded";
        }

        public String check() {
            return "limits";
        }
    }

    /** run.json is missing, not JSON, of an unknown schema version, or a field is invalid (NaN, negative score, bad run id, wrong location). */
    record Schema(String detail) implements Finding {
        public String id() {
            return "schema";
        }

        public String check() {
            return "schema";
        }
    }

    /** run.json status is not complete. */
    record Incomplete(String detail) implements Finding {
        public String id() {
            return "incomplete";
        }

        public String check() {
            return "schema";
        }
    }

    /** MANIFEST is not in the strict sha256sum format (unsorted, duplicate, bad line, lists MANIFEST itself). */
    record ManifestMalformed(String detail) implements Finding {
        public String id() {
            return "manifestMalformed";
        }

        public String check() {
            return "manifest";
        }
    }

    /** A file listed in MANIFEST is not in the folder. */
    record ManifestMissing(String detail) implements Finding {
        public String id() {
            return "manifestMissing";
        }

        public String check() {
            return "manifest";
        }
    }

    /** A file in the folder is not listed in MANIFEST. */
    record ManifestExtra(String detail) implements Finding {
        public String id() {
            return "manifestExtra";
        }

        public String check() {
            return "manifest";
        }
    }

    /** A listed file's SHA-256 differs from MANIFEST. */
    record HashMismatch(String detail) implements Finding {
        public String id() {
            return "hashMismatch";
        }

        public String check() {
            return "manifest";
        }
    }

    /** A symbolic link inside the run folder. */
    record Symlink(String detail) implements Finding {
        public String id() {
            return "symlink";
        }

        public String check() {
            return "manifest";
        }
    }

    /** A FIFO, device, socket, or a listed path that is a directory. */
    record NotRegularFile(String detail) implements Finding {
        public String id() {
            return "notRegularFile";
        }

        public String check() {
            return "manifest";
        }
    }

    /** MANIFEST lists an absolute path or one that climbs out with '..'. */
    record PathTraversal(String detail) implements Finding {
        public String id() {
            return "pathTraversal";
        }

        public String check() {
            return "manifest";
        }
    }

    /** MANIFEST or MANIFEST.sig is absent. */
    record Unsigned(String detail) implements Finding {
        public String id() {
            return "unsigned";
        }

        public String check() {
            return "signature";
        }
    }

    /** MANIFEST.sig is damaged or does not match MANIFEST. */
    record BadSignature(String detail) implements Finding {
        public String id() {
            return "badSignature";
        }

        public String check() {
            return "signature";
        }
    }

    /** MANIFEST.sig was made for another namespace than claimcheck. */
    record WrongNamespace(String detail) implements Finding {
        public String id() {
            return "wrongNamespace";
        }

        public String check() {
            return "signature";
        }
    }

    /** The signature is valid but its key is not in allowed_signers (a maintainer may add it in the same pull request). */
    record UnknownSigner(String detail) implements Finding {
        public String id() {
            return "unknownSigner";
        }

        public String check() {
            return "signature";
        }
    }

    /** The key is listed but retired: now is after its valid-before. */
    record ExpiredSigner(String detail) implements Finding {
        public String id() {
            return "expiredSigner";
        }

        public String check() {
            return "signature";
        }
    }

    /** The key is listed but only from its valid-after on. */
    record NotYetValidSigner(String detail) implements Finding {
        public String id() {
            return "notYetValidSigner";
        }

        public String check() {
            return "signature";
        }
    }

    /** The key is listed with a namespaces option that excludes claimcheck. */
    record NamespaceNotAllowed(String detail) implements Finding {
        public String id() {
            return "namespaceNotAllowed";
        }

        public String check() {
            return "signature";
        }
    }

    /** A simulated run inside a claimcheck repository's own results/ (allowed only with --allow-simulated). */
    record SimulatedInResults(String detail) implements Finding {
        public String id() {
            return "simulatedInResults";
        }

        public String check() {
            return "simulated";
        }
    }

    // --- Cross-field consistency of a signed run (issue 15 item 6): a trusted signer cannot sign a contradiction.

    /** A repeated key in a JSON object of run.json, a journal line or comparison.json (two readings of one file). */
    record DuplicateKey(String detail) implements Finding {
        public String id() {
            return "duplicateKey";
        }

        public String check() {
            return "schema";
        }
    }

    /** A file name that is not valid UTF-8, or two names that are one after Unicode normalisation or case folding. */
    record FileName(String detail) implements Finding {
        public String id() {
            return "fileName";
        }

        public String check() {
            return "manifest";
        }
    }

    /** The endpoint recorded is the simulator (sim base URL, claimcheck-sim engine, simulator block) but simulated is false. */
    record SimulatedMislabelled(String detail) implements Finding {
        public String id() {
            return "simulatedMislabelled";
        }

        public String check() {
            return "simulated";
        }
    }

    /** model.id, model.slug, request.template.model and the samples' request.model do not name one model. */
    record ModelMismatch(String detail) implements Finding {
        public String id() {
            return "modelMismatch";
        }

        public String check() {
            return "consistency";
        }
    }

    /** The run id's time is not a valid instant, lies outside startedAt..finishedAt, or is in the verifier's future. */
    record TimestampInvalid(String detail) implements Finding {
        public String id() {
            return "timestampInvalid";
        }

        public String check() {
            return "consistency";
        }
    }

    /** summary.csv differs from the one store.SummaryCsv derives from run.json. */
    record SummaryMismatch(String detail) implements Finding {
        public String id() {
            return "summaryMismatch";
        }

        public String check() {
            return "consistency";
        }
    }

    /** A proof listed in run.json is not in the root (or its path leaves the root's proofs/). */
    record ProofMissing(String detail) implements Finding {
        public String id() {
            return "proofMissing";
        }

        public String check() {
            return "proofs";
        }
    }

    /** A proof's SHA-256 differs from run.json. */
    record ProofHashMismatch(String detail) implements Finding {
        public String id() {
            return "proofHashMismatch";
        }

        public String check() {
            return "proofs";
        }
    }

    /** The recipe or claim file named in run.json is not in the root. */
    record ReferenceMissing(String detail) implements Finding {
        public String id() {
            return "referenceMissing";
        }

        public String check() {
            return "references";
        }
    }

    /** The recipe or claim file differs from the sha256 in run.json. */
    record ReferenceHashMismatch(String detail) implements Finding {
        public String id() {
            return "referenceHashMismatch";
        }

        public String check() {
            return "references";
        }
    }

    /** run.json's claimRef names a claim id the (present, matching) claims file does not hold. */
    record ClaimNotFound(String detail) implements Finding {
        public String id() {
            return "claimNotFound";
        }

        public String check() {
            return "references";
        }
    }

    /** The journal has a torn line, a line that is not a valid sample, a missing part or an attempt outside k. */
    record JournalCorrupt(String detail) implements Finding {
        public String id() {
            return "journalCorrupt";
        }

        public String check() {
            return "journal";
        }
    }

    /** Two journal lines for the same task and attempt. */
    record DuplicateAttempt(String detail) implements Finding {
        public String id() {
            return "duplicateAttempt";
        }

        public String check() {
            return "journal";
        }
    }

    /** A metric recomputed from the journal differs from run.json (counts exactly, floats by more than 1e-9). */
    record MetricsMismatch(String detail) implements Finding {
        public String id() {
            return "metricsMismatch";
        }

        public String check() {
            return "metrics";
        }
    }

    /** An A/B arm's comparison.json differs from the comparison recomputed from both arms' points (or is unreadable). */
    record ComparisonMismatch(String detail) implements Finding {
        public String id() {
            return "comparisonMismatch";
        }

        public String check() {
            return "metrics";
        }
    }

    /** An A/B arm's comparison.json could not be re-checked: the other arm is not in the root. */
    record ComparisonNotChecked(String detail) implements Finding {
        public String id() {
            return "comparisonNotChecked";
        }

        public String check() {
            return "metrics";
        }

        @Override
        public Severity severity() {
            return Severity.WARN;
        }
    }

    /** The regenerated dataset's sha256 differs from run.json. */
    record DatasetMismatch(String detail) implements Finding {
        public String id() {
            return "datasetMismatch";
        }

        public String check() {
            return "regrade";
        }
    }

    /** A sample's task id is not among the regenerated tasks. */
    record UnknownTask(String detail) implements Finding {
        public String id() {
            return "unknownTask";
        }

        public String check() {
            return "regrade";
        }
    }

    /** A sample's promptSha256 differs from the regenerated prompt. */
    record PromptMismatch(String detail) implements Finding {
        public String id() {
            return "promptMismatch";
        }

        public String check() {
            return "regrade";
        }
    }

    /** A sample's verdict.expected differs from the regenerated answer. */
    record ExpectedMismatch(String detail) implements Finding {
        public String id() {
            return "expectedMismatch";
        }

        public String check() {
            return "regrade";
        }
    }

    /** Re-grading the recorded response with the recorded grader version gives another verdict. */
    record RegradeMismatch(String detail) implements Finding {
        public String id() {
            return "regradeMismatch";
        }

        public String check() {
            return "regrade";
        }
    }

    /** The run records an older grader version and the current grader disagrees: reported, not a failure. */
    record RegradeDrift(String detail) implements Finding {
        public String id() {
            return "regradeDrift";
        }

        public String check() {
            return "regrade";
        }

        @Override
        public Severity severity() {
            return Severity.DRIFT;
        }
    }

    /** No re-grader exists for the suite (or re-grading was skipped): a warning, not a pass. */
    record NotRegraded(String detail) implements Finding {
        public String id() {
            return "notRegraded";
        }

        public String check() {
            return "regrade";
        }

        @Override
        public Severity severity() {
            return Severity.WARN;
        }
    }
}
