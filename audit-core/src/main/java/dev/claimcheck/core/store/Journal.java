package dev.claimcheck.core.store;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.model.AttemptKey;
import dev.claimcheck.core.model.RunManifest.JournalRepair;
import dev.claimcheck.core.model.Sample;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's journal: one JSON line per finished attempt, appended with a single write each (so a
 * killed process leaves at most one torn last line), rotating to a new part before a part would
 * exceed the part limit. Opening it takes the run's lock, cuts a torn last line (recording the
 * repair) and loads what is already done.
 */
public final class Journal implements AutoCloseable {
    /** Parts stay under hosting limits for single files (docs/architecture.md §4.1). */
    public static final long DEFAULT_PART_LIMIT = 64L * 1024 * 1024;

    private final RunFolder folder;
    private final long partLimit;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<AttemptKey, Sample> samples;
    private final List<JournalRepair> repairs;
    private int part;
    private FileChannel out;
    private long partSize;

    private Journal(RunFolder folder, long partLimit, FileChannel lockChannel, FileLock lock,
                    Map<AttemptKey, Sample> samples, List<JournalRepair> repairs, int part) throws IOException {
        this.folder = folder;
        this.partLimit = partLimit;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.samples = samples;
        this.repairs = repairs;
        this.part = part;
        openPart();
    }

    /** Opens the journal of a run folder for appending; fails if another process holds it. */
    public static Journal open(RunFolder folder, long partLimit, Clock clock) {
        FileChannel lockChannel = null;
        try {
            lockChannel = FileChannel.open(folder.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                throw new RunFailedException("another process is writing " + folder.dir() + " (" + RunFolder.LOCK + " is held)");
            }
            List<JournalRepair> repairs = new ArrayList<>();
            Map<AttemptKey, Sample> loaded = new LinkedHashMap<>();
            int last = load(folder, loaded, repairs, clock);
            return new Journal(folder, partLimit, lockChannel, lock, Collections.synchronizedMap(loaded), repairs, last);
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new RunFailedException("cannot open the journal in " + folder.dir() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    /** Reads every sample of a run folder without locking or repairing (for finished runs). */
    public static List<Sample> readAll(RunFolder folder) {
        Map<AttemptKey, Sample> loaded = new LinkedHashMap<>();
        try {
            load(folder, loaded, null, null);
        } catch (IOException e) {
            throw new BadInputException("cannot read the journal in " + folder.dir() + ": " + e.getMessage(), e);
        }
        return new ArrayList<>(loaded.values());
    }

    /** Loads all parts in order; returns the index of the last part. With {@code repairs} null, a torn line is an error. */
    private static int load(RunFolder folder, Map<AttemptKey, Sample> into, List<JournalRepair> repairs, Clock clock)
            throws IOException {
        int n = 0;
        while (Files.exists(folder.journalPart(n + 1))) {
            n++;
        }
        for (int i = 0; i <= n; i++) {
            Path file = folder.journalPart(i);
            if (!Files.exists(file)) {
                if (i < n) {
                    throw new BadInputException(file + " is missing while later journal parts exist");
                }
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            int end = lastNewline(bytes) + 1;
            if (end < bytes.length) {
                if (repairs == null || i < n) {
                    throw new BadInputException(file + " ends with a torn line (" + (bytes.length - end) + " bytes)");
                }
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(end);
                    ch.force(true);
                }
                repairs.add(new JournalRepair(file.getFileName().toString(), end, bytes.length - end,
                        clock.instant().toString()));
            }
            SampleCodec.readLines(file, bytes, end, into);
        }
        return n;
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Attempts already finished (loaded plus appended). */
    public boolean contains(AttemptKey key) {
        return samples.containsKey(key);
    }

    public Collection<Sample> samples() {
        synchronized (samples) {
            return new ArrayList<>(samples.values());
        }
    }

    /** Repairs made when opening (torn last lines cut). */
    public List<JournalRepair> repairs() {
        return List.copyOf(repairs);
    }

    /** Appends one finished attempt; a second line for the same attempt is refused. */
    public synchronized void append(Sample sample) {
        if (samples.containsKey(sample.key())) {
            throw new IllegalStateException("attempt " + sample.key() + " is already in the journal");
        }
        byte[] line = SampleCodec.encode(sample);
        try {
            if (partSize > 0 && partSize + line.length > partLimit) {
                out.close();
                part++;
                openPart();
            }
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            partSize += line.length;
        } catch (IOException e) {
            throw new RunFailedException("cannot append to the journal in " + folder.dir() + ": " + e.getMessage(), e);
        }
        samples.put(sample.key(), sample);
    }

    /**
     * Cuts the journal from the line of {@code first} to its end, for a writer that redoes that tail from scratch (a
     * bench point whose records were only partly appended). Each cut is recorded as a repair, like a torn line.
     */
    public synchronized void cutFrom(AttemptKey first, Clock clock) {
        if (!samples.containsKey(first)) {
            throw new IllegalArgumentException("attempt " + first + " is not in the journal");
        }
        try {
            out.close();
            int cutPart = -1;
            for (int i = 0; i <= part; i++) {
                Path file = folder.journalPart(i);
                if (!Files.exists(file)) {
                    continue;
                }
                long size = Files.size(file);
                long offset = cutPart >= 0 ? 0 : lineOffset(file, first);
                if (offset < 0) {
                    continue;
                }
                if (cutPart < 0) {
                    cutPart = i;
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        ch.truncate(offset);
                        ch.force(true);
                    }
                } else {
                    Files.delete(file); // a later part holds only the tail being redone
                }
                repairs.add(new JournalRepair(file.getFileName().toString(), offset, size - offset, clock.instant().toString()));
            }
            synchronized (samples) {
                boolean cutting = false;
                for (var it = samples.keySet().iterator(); it.hasNext(); ) {
                    cutting |= it.next().equals(first);
                    if (cutting) {
                        it.remove();
                    }
                }
            }
            part = cutPart;
            openPart();
        } catch (IOException e) {
            throw new RunFailedException("cannot cut the journal in " + folder.dir() + ": " + e.getMessage(), e);
        }
    }

    /** The byte offset of the line holding {@code key} in one part, or -1. */
    private static long lineOffset(Path file, AttemptKey key) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                String line = new String(bytes, start, i - start, java.nio.charset.StandardCharsets.UTF_8);
                if (!line.isBlank() && SampleCodec.decode(line).key().equals(key)) {
                    return start;
                }
                start = i + 1;
            }
        }
        return -1;
    }

    private void openPart() throws IOException {
        Path file = folder.journalPart(part);
        out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        partSize = out.size();
    }

    /** Releases the lock and removes the lock file (it is transient, never part of a signed run). */
    @Override
    public synchronized void close() {
        try {
            out.force(false);
            out.close();
        } catch (IOException e) {
            // Every line was already written with its own write(); a failed final flush loses nothing the OS holds.
        }
        try {
            lock.release();
            lockChannel.close();
            Files.deleteIfExists(folder.lockFile());
        } catch (IOException e) {
            // A stale lock file is harmless: the OS lock is what excludes writers.
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to recover
            }
        }
    }
}
