package dev.claimcheck.core.store;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.model.Sample;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A finished run's journal read line by line on every iteration and never held whole, for runs larger than the
 * memory one machine should spend on them (a merge of many shards, docs/scale-out.md). {@link Journal} is the
 * writer of a run in progress; this reads and writes journals that are written once.
 */
public final class StreamedJournal extends AbstractCollection<Sample> {
    private final RunFolder folder;
    private final int parts;
    private final int size;

    private StreamedJournal(RunFolder folder, int parts, int size) {
        this.folder = folder;
        this.parts = parts;
        this.size = size;
    }

    /** The journal of a finished run folder (one pass counts its lines; they are decoded when iterated). */
    public static StreamedJournal of(RunFolder folder) {
        int parts = 0;
        int size = 0;
        try {
            while (Files.exists(folder.journalPart(parts))) {
                try (BufferedReader reader = Files.newBufferedReader(folder.journalPart(parts), StandardCharsets.UTF_8)) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        size += line.isBlank() ? 0 : 1;
                    }
                }
                parts++;
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read the journal in " + folder.dir() + ": " + e.getMessage(), e);
        }
        return new StreamedJournal(folder, parts, size);
    }

    /**
     * Writes samples as the journal of a new run folder, one line each, starting a new part before a part would exceed
     * {@code partLimit} (the rule {@link Journal} follows); holds one sample at a time.
     *
     * @return how many lines were written
     */
    public static long write(RunFolder folder, Iterator<Sample> samples, long partLimit) {
        int part = 0;
        long partSize = 0;
        long lines = 0;
        OutputStream out = null;
        try {
            out = Files.newOutputStream(folder.journalPart(part));
            while (samples.hasNext()) {
                byte[] line = SampleCodec.encode(samples.next());
                if (partSize > 0 && partSize + line.length > partLimit) {
                    out.close();
                    out = Files.newOutputStream(folder.journalPart(++part));
                    partSize = 0;
                }
                out.write(line);
                partSize += line.length;
                lines++;
            }
            out.close();
            return lines;
        } catch (IOException e) {
            throw new RunFailedException("cannot write the journal in " + folder.dir() + ": " + e.getMessage(), e);
        } finally {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    // already reported by the write that failed
                }
            }
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<Sample> iterator() {
        return new Iterator<>() {
            private int part = -1;
            private BufferedReader reader;
            private int lineNo;
            private Sample next = advance();

            private Sample advance() {
                try {
                    while (true) {
                        if (reader == null) {
                            if (++part >= parts) {
                                return null;
                            }
                            reader = Files.newBufferedReader(folder.journalPart(part), StandardCharsets.UTF_8);
                            lineNo = 0;
                        }
                        String line = reader.readLine();
                        if (line == null) {
                            reader.close();
                            reader = null;
                            continue;
                        }
                        lineNo++;
                        if (!line.isBlank()) {
                            return decode(folder.journalPart(part), lineNo, line);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Sample next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Sample s = next;
                next = advance();
                return s;
            }
        };
    }

    private static Sample decode(Path file, int lineNo, String line) {
        try {
            return SampleCodec.decode(line);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new BadInputException(file + ":" + lineNo + " is not a valid sample: " + RunManifestStore.firstLine(e));
        }
    }
}
