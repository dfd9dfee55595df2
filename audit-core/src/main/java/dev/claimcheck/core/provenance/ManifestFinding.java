package dev.claimcheck.core.provenance;

import java.util.Objects;

/**
 * One way a run folder disagrees with its MANIFEST; {@link #describe()} is the one-line reason a verifier prints.
 *
 * @param kind what is wrong
 * @param path the relative path concerned ("MANIFEST" for problems with the file itself)
 * @param reason what the kind alone does not say (the two hashes, why a name or MANIFEST is bad); empty otherwise
 */
public record ManifestFinding(Kind kind, String path, String reason) {
    /** Every kind of MANIFEST problem, each with the format of its line ({@code %1$s} the path, {@code %2$s} the reason). */
    public enum Kind {
        /** Listed in MANIFEST but absent from the folder. */
        MISSING("missing file: %1$s"),
        /** Present in the folder but not listed in MANIFEST. */
        EXTRA("extra file not in MANIFEST: %1$s"),
        /** Present and listed, but the content changed. */
        HASH_MISMATCH("hash mismatch: %1$s (%2$s)"),
        /** A symbolic link inside the folder, or a listed path that goes through one. */
        SYMLINK("symbolic link not allowed: %1$s"),
        /** A device, FIFO, socket, or a listed path that is a directory. */
        NOT_REGULAR_FILE("not a regular file: %1$s"),
        /** A listed path that is absolute or climbs out with "..". */
        OUTSIDE_FOLDER("path outside the run folder: %1$s"),
        /**
         * A name a checkout cannot carry faithfully: not valid UTF-8 (it decodes to U+FFFD and cannot be opened by its
         * decoded name), or the same as another name of the folder after Unicode NFC normalisation and case folding.
         */
        BAD_NAME("file name %1$s: %2$s"),
        /** MANIFEST itself is absent, unreadable or not in the strict format. */
        MALFORMED("malformed %1$s: %2$s");

        private final String format;

        Kind(String format) {
            this.format = format;
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

    public String describe() {
        return String.format(kind.format, path, reason);
    }
}
