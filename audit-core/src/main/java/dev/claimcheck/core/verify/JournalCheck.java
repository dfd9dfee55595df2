package dev.claimcheck.core.verify;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.claimcheck.core.model.AttemptKey;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.verify.Finding.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.claimcheck.core.verify.Verifier.MAX_LINE_BYTES;
import static dev.claimcheck.core.verify.Verifier.firstLine;

/**
 * The journal check: every part present (samples.jsonl, samples.1.jsonl, ...), no torn line, every line a valid
 * {@link Sample} with an attempt below k, no attempt twice. Each line is parsed once; the samples are then shared by
 * the metrics check and the re-grade.
 *
 * <p>Parts are read as a stream of lines, never whole. A part that MANIFEST lists is parsed from the very bytes the
 * manifest check hashes ({@link #tap}), so the journal is read from disk once; a part the manifest check did not read
 * (unlisted, or MANIFEST unusable) is read here.
 */
final class JournalCheck {
    private static final Pattern JOURNAL_PART = Pattern.compile("samples(?:\\.([1-9][0-9]{0,5}))?\\.jsonl");
    private static final ObjectReader SAMPLE = Json.mapper().readerFor(Sample.class);
    private static final int BUFFER = 1 << 20;

    private final int k;
    private final Map<String, Part> tapped = new HashMap<>();

    /** @param k the run's request.k (attempts are 0 .. k-1) */
    JournalCheck(int k) {
        this.k = k;
    }

    /** For {@link Manifest#checkFolder(Path, Manifest.ContentTap)}: a parser for each journal part it hashes. */
    Manifest.ContentSink tap(String path) {
        if (!JOURNAL_PART.matcher(path).matches()) {
            return null;
        }
        Part part = new Part(path, true);
        tapped.put(path, part);
        return part;
    }

    /** The samples in journal order, or null when the journal has a finding (then metrics and re-grade are skipped). */
    List<Sample> check(Path dir, List<Finding> findings) {
        TreeMap<Integer, Path> parts = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Matcher m = JOURNAL_PART.matcher(f.getFileName().toString());
                if (m.matches()) {
                    parts.put(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)), f);
                }
            }
        } catch (IOException e) {
            findings.add(new Finding(Kind.JOURNAL_CORRUPT, "cannot list " + dir + ": " + e.getMessage()));
            return null;
        }
        int before = findings.size();
        if (parts.isEmpty()) {
            findings.add(new Finding(Kind.JOURNAL_CORRUPT, "no samples.jsonl"));
            return null;
        }
        int expect = 0;
        for (int n : parts.keySet()) {
            if (n != expect) {
                findings.add(new Finding(Kind.JOURNAL_CORRUPT, "journal part "
                        + (expect == 0 ? "samples.jsonl" : "samples." + expect + ".jsonl") + " is missing while "
                        + parts.get(n).getFileName() + " exists"));
                return null;
            }
            expect++;
        }
        Map<AttemptKey, Sample> samples = new LinkedHashMap<>();
        for (Path file : parts.values()) {
            String name = file.getFileName().toString();
            if (Files.isSymbolicLink(file) || !Files.isRegularFile(file)) {
                findings.add(new Finding(Kind.JOURNAL_CORRUPT, name + " is not a regular file"));
                return null;
            }
            Part part = tapped.get(name);
            if (part == null || !part.ended) {
                part = new Part(name, false);
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    byte[] buffer = new byte[BUFFER];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        part.accept(buffer, 0, n);
                    }
                    part.end();
                } catch (IOException e) {
                    findings.add(new Finding(Kind.JOURNAL_CORRUPT, "cannot read " + name + ": " + e.getMessage()));
                    return null;
                }
            }
            if (part.torn) {
                findings.add(new Finding(Kind.JOURNAL_CORRUPT, name + " ends with a torn line (no final newline)"));
            }
            for (Object line : part.lines) {
                if (line instanceof Finding f) {
                    findings.add(f);
                } else {
                    Parsed p = (Parsed) line;
                    Sample s = p.sample();
                    if (s.attempt() >= k) {
                        findings.add(new Finding(Kind.JOURNAL_CORRUPT, name + " line " + p.lineNo() + ": attempt " + s.attempt()
                                + " but the run has k=" + k));
                    } else if (samples.putIfAbsent(s.key(), s) != null) {
                        findings.add(new Finding(Kind.DUPLICATE_ATTEMPT, name + " line " + p.lineNo() + " repeats attempt "
                                + Findings.clip(s.taskId()) + "#" + s.attempt()));
                    }
                }
            }
        }
        return findings.size() == before ? new ArrayList<>(samples.values()) : null;
    }

    /**
     * A complete run holds every attempt it planned: k per task, or a shard's recorded pairs. Without this, a signer
     * could drop failed attempts (or whole tasks, which the re-grade catches where it knows the task list) and
     * recompute the metrics from what is left.
     */
    static void coverage(RunManifest m, List<Sample> samples, List<Finding> findings) {
        if (m.status() != RunStatus.COMPLETE) {
            return;
        }
        if (m.shard() != null) {
            if (samples.size() != m.shard().pairs()) {
                findings.add(new Finding(Kind.ATTEMPT_MISSING, "the shard holds " + samples.size() + " samples, run.json shard.pairs says "
                        + m.shard().pairs()));
            }
            return; // a shard may hold some attempts of a task and not others
        }
        int k = m.request().k();
        Map<String, TreeSet<Integer>> attempts = new LinkedHashMap<>();
        samples.forEach(s -> attempts.computeIfAbsent(s.taskId(), t -> new TreeSet<>()).add(s.attempt()));
        Findings.Collector out = new Findings.Collector();
        attempts.forEach((task, seen) -> {
            if (seen.size() < k) {
                List<Integer> lacking = new ArrayList<>();
                for (int a = 0; a < k; a++) {
                    if (!seen.contains(a)) {
                        lacking.add(a);
                    }
                }
                out.add(new Finding(Kind.ATTEMPT_MISSING, Findings.clip(task) + " has " + seen.size() + " of k=" + k
                        + " attempts (lacks attempt " + Findings.clip(lacking.toString()) + ") in a complete run"));
            }
        });
        findings.addAll(out.list());
    }

    private record Parsed(int lineNo, Sample sample) {
    }

    /**
     * One journal part, split into lines as its bytes arrive and each line parsed as it completes: a line within one
     * chunk is parsed in place, a line across chunks is gathered first (up to {@link Verifier#MAX_LINE_BYTES}; a longer
     * one is only measured). A last line without '\n' is torn: measured against the limit, never parsed.
     */
    private static final class Part implements Manifest.ContentSink {
        private final String name;
        /** In line order: a {@link Finding} of the line, or the {@link Parsed} sample. */
        final List<Object> lines = new ArrayList<>();
        boolean torn;
        boolean ended;
        private byte[] carry = new byte[0];
        /** Length of the unfinished line so far; only its first {@code min(pending, MAX_LINE_BYTES)} bytes are in {@code carry}. */
        private long pending;
        /** A parser failure other than a bad line (never expected): the part is then read again by {@link #check}. */
        private boolean broken;
        private int lineNo;

        /** Fed by the manifest check's hashing, which must not fail for a reason of the journal's. */
        private final boolean tapping;

        Part(String name, boolean tapping) {
            this.name = name;
            this.tapping = tapping;
        }

        @Override
        public void accept(byte[] buf, int off, int len) {
            if (broken) {
                return;
            }
            try {
                split(buf, off, len);
            } catch (RuntimeException e) {
                broken = true;
                if (!tapping) {
                    throw e;
                }
            }
        }

        private void split(byte[] buf, int off, int len) {
            int start = off;
            int end = off + len;
            while (start < end) {
                int nl = start;
                while (nl < end && buf[nl] != '\n') {
                    nl++;
                }
                if (nl == end) {
                    keep(buf, start, end - start);
                    return;
                }
                if (pending == 0) {
                    line(buf, start, nl - start, nl - start);
                } else {
                    keep(buf, start, nl - start);
                    line(carry, 0, (int) Math.min(pending, MAX_LINE_BYTES), pending);
                    pending = 0;
                }
                start = nl + 1;
            }
        }

        @Override
        public void end() {
            if (broken) {
                return;
            }
            if (pending > 0) {
                torn = true;
                lineNo++;
                if (pending > MAX_LINE_BYTES) {
                    tooLong(pending);
                }
            }
            ended = true;
            carry = null;
        }

        /** Gathers a piece of an unfinished line. */
        private void keep(byte[] buf, int off, int len) {
            if (len == 0) {
                return;
            }
            if (pending < MAX_LINE_BYTES) {
                int room = (int) Math.min(len, MAX_LINE_BYTES - pending);
                int need = (int) pending + room;
                if (need > carry.length) {
                    carry = Arrays.copyOf(carry, Math.min(MAX_LINE_BYTES, Math.max(need, 2 * carry.length)));
                }
                System.arraycopy(buf, off, carry, (int) pending, room);
            }
            pending += len;
        }

        /** A finished line of {@code length} bytes, of which {@code len} are at {@code buf[off]} (all of them unless too long). */
        private void line(byte[] buf, int off, int len, long length) {
            lineNo++;
            if (length > MAX_LINE_BYTES) {
                tooLong(length);
            } else if (length > 0) {
                try {
                    Sample s = SAMPLE.readValue(buf, off, len);
                    if (s != null) {
                        lines.add(new Parsed(lineNo, s));
                    }
                } catch (StreamConstraintsException e) {
                    lines.add(new Finding(Kind.LIMIT_EXCEEDED, name + " line " + lineNo + ": " + firstLine(e)));
                } catch (IOException e) {
                    lines.add(Json.isDuplicateKey(e) ? new Finding(Kind.DUPLICATE_KEY, name + " line " + lineNo + ": " + firstLine(e))
                            : new Finding(Kind.JOURNAL_CORRUPT, name + " line " + lineNo + " is not a valid sample: " + firstLine(e)));
                } catch (IllegalArgumentException | NullPointerException e) {
                    lines.add(new Finding(Kind.JOURNAL_CORRUPT, name + " line " + lineNo + " is not a valid sample: " + firstLine(e)));
                }
            }
        }

        private void tooLong(long length) {
            lines.add(new Finding(Kind.LIMIT_EXCEEDED, name + " line " + lineNo + " is " + (length >> 20) + " MiB (limit "
                    + (MAX_LINE_BYTES >> 20) + " MiB)"));
        }
    }
}
