package dev.claimcheck.core.suite.arc;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.arc.Grid;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a folder of ARC task files as the ARC-AGI repositories ship them ({@code data/evaluation/*.json}): every
 * regular file directly in the folder whose name ends in {@code .json}, in the byte order of the names, each one
 * JSON object {@code {"train": [pair, ...], "test": [pair, ...]}} with {@code pair = {"input": grid, "output": grid}}
 * and {@code grid} a list of equal-length rows of integers 0–9, 1×1 to 30×30. Every problem is a
 * {@link BadInputException} naming the file and the JSON path (docs/grading/arc.md).
 */
final class ArcLoader {
    static final int MAX_SIDE = 30;
    static final long MAX_FILE_BYTES = 4L << 20;
    static final int MAX_FILES = 10_000;
    private static final ObjectReader JSON;

    static {
        JsonMapper mapper = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16)
                .maxNumberLength(100).build());
        JSON = mapper.readerFor(JsonNode.class);
    }

    private ArcLoader() {
    }

    /** The folder's task files and the hash of its bytes ({@link ArcFolderHash}). */
    record Loaded(List<ArcTaskFile> files, String sha256) {
        Loaded {
            files = List.copyOf(files);
        }
    }

    static Loaded load(Path folder) {
        List<Path> paths = taskFiles(folder);
        List<ArcTaskFile> files = new ArrayList<>(paths.size());
        List<byte[]> contents = new ArrayList<>(paths.size());
        for (Path p : paths) {
            String name = p.getFileName().toString();
            String where = folder.getFileName() + "/" + name;
            byte[] bytes = read(p, where);
            contents.add(bytes);
            String id = name.substring(0, name.length() - ".json".length());
            if (id.isEmpty() || id.length() > 200 || id.chars().anyMatch(Character::isISOControl)) {
                throw new BadInputException(where + ": a task id (the file name without .json) must be 1-200 characters without control characters");
            }
            files.add(parse(id, where, bytes));
        }
        return new Loaded(files, ArcFolderHash.of(paths.stream().map(p -> p.getFileName().toString()).toList(), contents));
    }

    /** The {@code .json} files directly in the folder, sorted by the UTF-8 bytes of their names. */
    static List<Path> taskFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(Files.exists(folder) ? "--dataset must be a folder of ARC task files, not a file: " + folder
                    : "dataset folder not found: " + folder);
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.json")) {
            for (Path p : entries) {
                if (Files.isRegularFile(p)) {
                    out.add(p);
                    if (out.size() > MAX_FILES) {
                        throw new BadInputException(folder + ": more than " + MAX_FILES + " task files");
                    }
                }
            }
        } catch (IOException e) {
            throw new BadInputException("cannot list dataset folder " + folder + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new BadInputException(folder + ": no .json task files in the folder");
        }
        out.sort((a, b) -> Arrays.compareUnsigned(ArcFolderHash.utf8(a.getFileName().toString()),
                ArcFolderHash.utf8(b.getFileName().toString())));
        return out;
    }

    static ArcTaskFile parse(String id, String where, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadInputException(where + ":" + (at == null ? "?" : at.getLineNr()) + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(where + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(where + ": $: expected a JSON object with \"train\" and \"test\"");
        }
        return new ArcTaskFile(id, pairs(root, "train", where), pairs(root, "test", where));
    }

    private static List<ArcPair> pairs(JsonNode root, String key, String where) {
        JsonNode list = root.get(key);
        String path = "$." + key;
        if (list == null) {
            throw new BadInputException(where + ": " + path + ": missing");
        }
        if (!list.isArray() || list.isEmpty()) {
            throw new BadInputException(where + ": " + path + ": expected a non-empty list of {\"input\", \"output\"} pairs");
        }
        List<ArcPair> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode pair = list.get(i);
            String at = path + "[" + i + "]";
            if (!pair.isObject()) {
                throw new BadInputException(where + ": " + at + ": expected an object with \"input\" and \"output\"");
            }
            Grid input = grid(pair.get("input"), at + ".input", where);
            JsonNode output = pair.get("output");
            if (output == null && key.equals("test")) {
                throw new BadInputException(where + ": " + at + ".output: missing (a test pair without its output cannot be graded;"
                        + " ARC's public evaluation files carry them)");
            }
            out.add(new ArcPair(input, grid(output, at + ".output", where)));
        }
        return out;
    }

    private static Grid grid(JsonNode node, String path, String where) {
        String at = where + ": " + path + ": ";
        if (node == null) {
            throw new BadInputException(at + "missing");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new BadInputException(at + "not a grid (expected a non-empty list of rows of integers 0-9)");
        }
        if (node.size() > MAX_SIDE) {
            throw new BadInputException(at + node.size() + " rows, more than " + MAX_SIDE);
        }
        List<String> rows = new ArrayList<>(node.size());
        for (int r = 0; r < node.size(); r++) {
            JsonNode row = node.get(r);
            String rowAt = where + ": " + path + "[" + r + "]: ";
            if (!row.isArray() || row.isEmpty()) {
                throw new BadInputException(rowAt + "not a row (expected a non-empty list of integers 0-9)");
            }
            if (row.size() > MAX_SIDE) {
                throw new BadInputException(rowAt + row.size() + " cells, more than " + MAX_SIDE);
            }
            if (r > 0 && row.size() != node.get(0).size()) {
                throw new BadInputException(rowAt + "ragged: " + row.size() + " cells, row 0 has " + node.get(0).size());
            }
            StringBuilder cells = new StringBuilder(row.size());
            for (int c = 0; c < row.size(); c++) {
                JsonNode v = row.get(c);
                if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0 || v.intValue() > 9) {
                    throw new BadInputException(where + ": " + path + "[" + r + "][" + c + "]: " + v + " is not an integer 0-9");
                }
                cells.append((char) ('0' + v.intValue()));
            }
            rows.add(cells.toString());
        }
        return new Grid(rows);
    }

    private static byte[] read(Path file, String where) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new BadInputException(where + ": " + size + " bytes, more than the limit of " + MAX_FILE_BYTES);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }
}
