package dev.claimcheck.core.provenance;

import dev.claimcheck.core.stats.Sentence;
import java.util.Objects;

/**
 * One way a run folder disagrees with its MANIFEST; {@link #describe()} is the one-line reason a verifier prints.
 *
 * @param kind what is wrong
 * @param path the relative path concerned ("MANIFEST" for problems with the file itself)
 * @param reason what the kind alone does not say (the two hashes, why a name or MANIFEST is bad); empty otherwise
 */
public record ManifestFinding(Kind kind, String path, String reason) {
    /** Every kind of MANIFEST problem, each with the sentence of its line ({@code {0}} the path, {@code {1}} the reason). */
    public enum Kind {
        /** Listed in MANIFEST but absent from the folder. */
        MISSING(Sentence.Kind.MANIFEST_MISSING),
        /** Present in the folder but not listed in MANIFEST. */
        EXTRA(Sentence.Kind.MANIFEST_EXTRA),
        /** Present and listed, but the content changed. */
        HASH_MISMATCH(Sentence.Kind.MANIFEST_HASH_MISMATCH),
        /** A symbolic link inside the folder, or a listed path that goes through one. */
        SYMLINK(Sentence.Kind.MANIFEST_SYMLINK),
        /** A device, FIFO, socket, or a listed path that is a directory. */
        NOT_REGULAR_FILE(Sentence.Kind.MANIFEST_NOT_REGULAR_FILE),
        /** A listed path that is absolute or climbs out with "..". */
        OUTSIDE_FOLDER(Sentence.Kind.MANIFEST_OUTSIDE_FOLDER),
        /**
         * A name a checkout cannot carry faithfully: not valid UTF-8 (it decodes to U+FFFD and cannot be opened by its
         * decoded name), or the same as another name of the folder after Unicode NFC normalisation and case folding.
         */
        BAD_NAME(Sentence.Kind.MANIFEST_BAD_NAME),
        /** MANIFEST itself is absent, unreadable or not in the strict format. */
        MALFORMED(Sentence.Kind.MANIFEST_MALFORMED);

        private final Sentence.Kind line;

        Kind(Sentence.Kind line) {
            this.line = line;
        }
    }

    public ManifestFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** A finding whose kind and path say it all. */
    public ManifestFinding(Kind kind, String path) {
        this(kind, path, "");
    }

    /** A listed file whose content no longer hashes to what MANIFEST says. */
    public static ManifestFinding hashMismatch(String path, String expected, String actual) {
        return new ManifestFinding(Kind.HASH_MISMATCH, path, "MANIFEST " + expected + ", file " + actual);
    }

    /** The line as a sentence the site words in each language; the reason is the check's own text, kept as it is. */
    public Sentence sentence() {
        return Sentence.of(kind.line, path, reason);
    }

    public String describe() {
        return sentence().english();
    }
}
