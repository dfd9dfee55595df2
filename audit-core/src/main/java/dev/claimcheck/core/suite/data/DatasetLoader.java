package dev.claimcheck.core.suite.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.math.AnswerExtractor;
import dev.claimcheck.core.grade.math.Extraction;
import dev.claimcheck.core.grade.math.MathRules;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest.DatasetFields;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a problem set from JSON Lines, a JSON array, CSV or parquet (docs/datasets.md): bounded parsing, field
 * detection or {@code --fields}, and a {@link BadInputException} naming file and line for any row that
 * cannot be used — a row is never dropped silently, and a duplicate id is an error.
 */
public final class DatasetLoader {
    /** Longest task id: ids name proof files and appear in every sample line. */
    static final int MAX_ID_CHARS = 200;

    private DatasetLoader() {
    }

    public static Dataset load(Path file, Map<String, String> fieldOverrides) {
        return load(file, fieldOverrides, DatasetLimits.DEFAULT);
    }

    public static Dataset load(Path file, Map<String, String> fieldOverrides, DatasetLimits limits) {
        String fileName = file.getFileName().toString();
        if (MathArenaFolder.is(file)) {
            MathArenaFolder.Read folder = MathArenaFolder.read(file, limits);
            return rows(fileName + "/" + MathArenaFolder.ANSWERS, fileName, fileName, folder.sha256(), folder.rows(), fieldOverrides, null);
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(fileName + ": a folder without " + MathArenaFolder.ANSWERS
                    + " (MathArena's layout: answers.csv with id,answer and problems/<id>.tex); give a dataset file or such a folder");
        }
        DatasetFormat format = DatasetFormat.ofFileName(fileName);
        ParquetRows parquet = null;
        String sha256;
        List<RawRow> raw;
        if (format == DatasetFormat.PARQUET) {
            checkSize(file, fileName, limits);
            parquet = ParquetRows.open(file);
            sha256 = parquet.sha256();
            raw = ParquetDatasetRows.raw(parquet, limits);
        } else {
            byte[] bytes = read(file, fileName, limits);
            sha256 = PromptHash.sha256Hex(bytes);
            String text = decode(fileName, bytes);
            raw = switch (format) {
                case JSONL -> JsonRows.lines(fileName, text, limits);
                case JSON -> JsonRows.array(fileName, text, limits);
                case CSV -> CsvRows.parse(fileName, text, limits);
                case PARQUET -> throw new IllegalStateException("read above");
            };
        }
        String name = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        return rows(fileName, name, fileName, sha256, raw, fieldOverrides, parquet);
    }

    /** Maps and checks the raw rows of a file (or folder) already read; {@code fileName} names it in messages. */
    private static Dataset rows(String fileName, String name, String recorded, String sha256, List<RawRow> raw,
                                Map<String, String> fieldOverrides, ParquetRows parquet) {
        if (raw.isEmpty()) {
            throw new BadInputException(fileName + ": no rows");
        }
        List<String> keys = new ArrayList<>();
        raw.get(0).fields().fieldNames().forEachRemaining(keys::add);
        DatasetFields fields = Gsm8kFormat.fields(fileName, keys, raw.get(0), fieldOverrides)
                .orElseGet(() -> FieldMapping.resolve(fileName, keys, fieldOverrides));
        if (parquet != null) {
            ParquetDatasetRows.checkTypes(parquet, fields);
        }
        List<DatasetRow> rows = new ArrayList<>(raw.size());
        Map<String, Integer> seen = new HashMap<>();
        for (RawRow r : raw) {
            DatasetRow row = row(fileName, r, fields, rows.size());
            Integer first = seen.putIfAbsent(row.id(), row.line());
            if (first != null) {
                throw new BadInputException(fileName + ":" + row.line() + ": duplicate id '" + row.id()
                        + "' (first on line " + first + ")");
            }
            rows.add(row);
        }
        return new Dataset(name, recorded, sha256, fields, rows);
    }

    private static DatasetRow row(String file, RawRow r, DatasetFields fields, int index) {
        String at = file + ":" + r.line() + ": ";
        String id = Gsm8kFormat.ROW_INDEX.equals(fields.id()) ? Integer.toString(index) : scalar(at, r.fields(), fields.id());
        if (id.isBlank() || id.length() > MAX_ID_CHARS || id.chars().anyMatch(Character::isISOControl)) {
            throw new BadInputException(at + "id must be 1 to " + MAX_ID_CHARS + " characters without control characters");
        }
        String problem = scalar(at, r.fields(), fields.problem());
        if (problem.isBlank()) {
            throw new BadInputException(at + "empty " + fields.problem());
        }
        String answer = scalar(at, r.fields(), fields.answer());
        String solution = answer;
        if (Gsm8kFormat.ROW_INDEX.equals(fields.id())) {
            // GSM8K: the worked solution's last line is "#### <number>"; a row without it is unusable, not skipped.
            answer = Gsm8kFormat.finalAnswer(answer).orElseThrow(() -> new BadInputException(
                    at + "the " + fields.answer() + " has no final '#### <number>' line"));
        } else if (answer.contains("\\boxed") || answer.contains("\\fbox")) {
            // A worked solution: the gold answer is what its box says, read as the grader reads gold.
            Extraction read = AnswerExtractor.fromGold(answer, MathRules.NEWEST);
            String boxed = read.rule().startsWith("boxed") ? read.answer() : null;
            if (boxed == null || boxed.isBlank()) {
                throw new BadInputException(at + "no answer could be read from the " + fields.answer() + " (an empty or unclosed box)");
            }
            answer = boxed.strip();
        }
        if (answer.isBlank()) {
            throw new BadInputException(at + "empty " + fields.answer());
        }
        return new DatasetRow(id, problem, answer.strip(), solution, r.line());
    }

    private static String scalar(String at, ObjectNode fields, String name) {
        JsonNode v = fields.get(name);
        if (v == null || v.isNull()) {
            throw new BadInputException(at + "missing field '" + name + "'");
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber()) {
            return v.decimalValue().toPlainString();
        }
        throw new BadInputException(at + "field '" + name + "' must be a string or a number, not " + v.getNodeType());
    }

    private static byte[] read(Path file, String fileName, DatasetLimits limits) {
        checkSize(file, fileName, limits);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("dataset file not found: " + file);
        } catch (IOException e) {
            throw new BadInputException("cannot read dataset " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkSize(Path file, String fileName, DatasetLimits limits) {
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                throw new BadInputException(fileName + ": " + size + " bytes, more than the limit of " + limits.maxFileBytes());
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException("dataset file not found: " + file);
        } catch (IOException e) {
            throw new BadInputException("cannot read dataset " + file + ": " + e.getMessage(), e);
        }
    }

    private static String decode(String fileName, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new BadInputException(fileName + ": not valid UTF-8");
        }
    }
}
