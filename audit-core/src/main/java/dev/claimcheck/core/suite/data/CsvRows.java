package dev.claimcheck.core.suite.data;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/** RFC 4180 CSV with a header row; quoted cells may span lines; every record must have every column. */
final class CsvRows {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    private CsvRows() {
    }

    static List<RawRow> parse(String file, String text, DatasetLimits limits) {
        Lines.split(file, text, limits); // bounds every physical line before parsing
        int[] lineStarts = lineStarts(text);
        List<RawRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setFormat(FORMAT).setReader(new StringReader(text)).get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new BadInputException(file + ":1: no header row");
            }
            for (CSVRecord r : parser) {
                int line = lineOf(lineStarts, r.getCharacterPosition());
                if (r.size() != header.size()) {
                    throw new BadInputException(file + ":" + line + ": " + r.size() + " cells, the header has " + header.size());
                }
                ObjectNode fields = JsonNodeFactory.instance.objectNode();
                for (int i = 0; i < header.size(); i++) {
                    fields.put(header.get(i), r.get(i));
                }
                rows.add(new RawRow(line, fields));
                Lines.checkRows(file, line, rows.size(), limits);
            }
        } catch (UncheckedIOException | IOException e) {
            throw new BadInputException(file + ": malformed CSV: " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(file + ":1: bad CSV header: " + e.getMessage());
        }
        return rows;
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private static int lineOf(int[] starts, long position) {
        int i = Arrays.binarySearch(starts, (int) position);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
