package dev.claimcheck.core.store;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.AttemptKey;
import dev.claimcheck.core.model.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Sample lines to and from bytes. */
public final class SampleCodec {
    private SampleCodec() {
    }

    /** One JSON line, newline included. */
    public static byte[] encode(Sample sample) {
        try {
            byte[] json = Json.mapper().writeValueAsBytes(sample);
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Sample decode(String line) throws IOException {
        return Json.mapper().readValue(line, Sample.class);
    }

    static void readLines(Path file, byte[] bytes, int end, Map<AttemptKey, Sample> into) {
        int start = 0;
        int lineNo = 0;
        while (start < end) {
            int nl = start;
            while (bytes[nl] != '\n') {
                nl++;
            }
            lineNo++;
            if (nl > start) {
                String line = new String(bytes, start, nl - start, StandardCharsets.UTF_8);
                Sample s;
                try {
                    s = decode(line);
                } catch (IOException | IllegalArgumentException | NullPointerException e) {
                    throw new BadInputException(file.getFileName() + " line " + lineNo + " is not a valid sample: "
                            + RunManifestStore.firstLine(e));
                }
                if (into.putIfAbsent(s.key(), s) != null) {
                    throw new BadInputException(file.getFileName() + " line " + lineNo + " repeats attempt "
                            + s.taskId() + "#" + s.attempt());
                }
            }
            start = nl + 1;
        }
    }
}
