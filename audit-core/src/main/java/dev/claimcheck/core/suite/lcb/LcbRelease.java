package dev.claimcheck.core.suite.lcb;

import dev.claimcheck.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which files of a {@code livecodebench/code_generation_lite} snapshot make up a release: {@code release_vN} is
 * {@code test.jsonl} … {@code testN.jsonl} (every problem up to that release), {@code vN} the one file release N
 * added ({@code v1} is {@code test.jsonl}), as the dataset's loading script mapped them (README.md).
 */
record LcbRelease(String name, List<String> files) {
    static final int LATEST = 6;

    LcbRelease {
        files = List.copyOf(files);
    }

    static LcbRelease named(String name) {
        var cumulative = java.util.regex.Pattern.compile("release_v([1-9])").matcher(name);
        var single = java.util.regex.Pattern.compile("v([1-9])").matcher(name);
        if (name.equals("release_latest")) {
            return upTo(name, LATEST);
        }
        if (cumulative.matches() && Integer.parseInt(cumulative.group(1)) <= LATEST) {
            return upTo(name, Integer.parseInt(cumulative.group(1)));
        }
        if (single.matches() && Integer.parseInt(single.group(1)) <= LATEST) {
            return new LcbRelease(name, List.of(file(Integer.parseInt(single.group(1)))));
        }
        throw new BadInputException("--release must be release_v1 … release_v" + LATEST + ", release_latest or v1 … v" + LATEST
                + ", not '" + name + "'");
    }

    private static LcbRelease upTo(String name, int n) {
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            files.add(file(i));
        }
        return new LcbRelease(name, files);
    }

    private static String file(int i) {
        return i == 1 ? "test.jsonl" : "test" + i + ".jsonl";
    }

    /** The release's files inside a snapshot directory, in release order; a missing one is named. */
    List<Path> in(Path dir) {
        List<Path> paths = new ArrayList<>();
        for (String f : files) {
            Path p = dir.resolve(f);
            if (!Files.isRegularFile(p)) {
                throw new BadInputException("release " + name + " needs " + f + " in " + dir + " (it has " + files + ")");
            }
            paths.add(p);
        }
        return paths;
    }
}
