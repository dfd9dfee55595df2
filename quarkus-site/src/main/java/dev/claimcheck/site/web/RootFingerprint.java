package dev.claimcheck.site.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * A cheap change detector for a root's results/: a hash over every file's path, size and modification
 * time. Polled instead of a WatchService, which would need one registration per folder of a deep tree.
 */
final class RootFingerprint {
    private RootFingerprint() {
    }

    static long of(Path resultsDir) {
        if (!Files.isDirectory(resultsDir)) {
            return 0;
        }
        long[] acc = {1};
        try (Stream<Path> s = Files.find(resultsDir, 7, (p, a) -> a.isRegularFile())) {
            s.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    long h = p.toString().hashCode() * 31L + a.size();
                    h = h * 31 + a.lastModifiedTime().toMillis();
                    acc[0] += h * 0x9E3779B97F4A7C15L;
                } catch (IOException e) {
                    acc[0] += p.toString().hashCode();
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
        return acc[0];
    }
}
