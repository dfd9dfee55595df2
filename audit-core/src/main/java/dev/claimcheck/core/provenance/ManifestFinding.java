package dev.claimcheck.core.provenance;

/** One way a run folder disagrees with its MANIFEST; {@link #describe()} is the one-line reason a verifier prints. */
public sealed interface ManifestFinding {
    /** The relative path concerned ("MANIFEST" for problems with the file itself). */
    String path();

    String describe();

    /** Listed in MANIFEST but absent from the folder. */
    record Missing(String path) implements ManifestFinding {
        public String describe() {
            return "missing file: " + path;
        }
    }

    /** Present in the folder but not listed in MANIFEST. */
    record Extra(String path) implements ManifestFinding {
        public String describe() {
            return "extra file not in MANIFEST: " + path;
        }
    }

    /** Present and listed, but the content changed. */
    record HashMismatch(String path, String expected, String actual) implements ManifestFinding {
        public String describe() {
            return "hash mismatch: " + path + " (MANIFEST " + expected + ", file " + actual + ")";
        }
    }

    /** A symbolic link inside the folder, or a listed path that goes through one. */
    record Symlink(String path) implements ManifestFinding {
        public String describe() {
            return "symbolic link not allowed: " + path;
        }
    }

    /** A device, FIFO, socket, or a listed path that is a directory. */
    record NotRegularFile(String path) implements ManifestFinding {
        public String describe() {
            return "not a regular file: " + path;
        }
    }

    /** A listed path that is absolute or climbs out with "..". */
    record OutsideFolder(String path) implements ManifestFinding {
        public String describe() {
            return "path outside the run folder: " + path;
        }
    }

    /**
     * A name a checkout cannot carry faithfully: not valid UTF-8 (it decodes to U+FFFD and cannot be opened by its
     * decoded name), or the same as another name of the folder after Unicode NFC normalisation and case folding.
     */
    record BadName(String path, String reason) implements ManifestFinding {
        public String describe() {
            return "file name " + path + ": " + reason;
        }
    }

    /** MANIFEST itself is absent, unreadable or not in the strict format. */
    record Malformed(String path, String reason) implements ManifestFinding {
        public String describe() {
            return "malformed " + path + ": " + reason;
        }
    }
}
