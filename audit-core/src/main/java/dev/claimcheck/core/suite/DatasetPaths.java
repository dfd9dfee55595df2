package dev.claimcheck.core.suite;

import dev.claimcheck.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a suite's dataset option points, and how run.json records it: the one rule every file-reading suite shares,
 * so a resume finds the file and no run.json holds an absolute local path.
 */
public final class DatasetPaths {
    private DatasetPaths() {
    }

    /**
     * The path as given (relative to the working directory), else relative to the root, where a resumed run finds the
     * path run.json records.
     *
     * @param missing the one-line message when the option was not given
     */
    public static Path resolve(Path given, String missing, SuiteContext context) {
        if (given == null) {
            throw new BadInputException(missing);
        }
        if (!Files.exists(given) && !given.isAbsolute() && context.root() != null
                && Files.exists(context.root().resolve(given))) {
            return context.root().resolve(given);
        }
        return given;
    }

    /** Relative to the root when the path lies under it, else its name alone: never an absolute path. */
    public static String recorded(Path path, Path root) {
        Path abs = path.toAbsolutePath().normalize();
        if (root != null) {
            Path r = root.toAbsolutePath().normalize();
            if (abs.startsWith(r) && !abs.equals(r)) {
                return r.relativize(abs).toString().replace('\\', '/');
            }
        }
        return abs.getFileName().toString();
    }
}
