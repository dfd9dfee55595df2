package dev.claimcheck.core.suite.data;

import dev.claimcheck.core.model.RunManifest.DatasetFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public GSM8K layout (openai/grade-school-math {@code test.jsonl}): rows {@code {"question", "answer"}} with no
 * id, where the answer is a worked solution whose last line is {@code #### <number>} (docs/datasets.md). Rows are
 * then identified by their 0-based position in the file ({@value #ROW_INDEX} in run.json {@code fields.id}), as
 * common harnesses number them, and the expected answer is the number after {@code ####} without thousands commas.
 */
final class Gsm8kFormat {
    /** The pseudo-field meaning "the row's 0-based position in the file". */
    static final String ROW_INDEX = "#row";

    private static final Pattern FINAL = Pattern.compile("(?:^|\\n)####\\s*([^\\n]*?)\\s*$");

    private Gsm8kFormat() {
    }

    /**
     * The field mapping when the file has no id column, none was named, and the first row's answer ends in a
     * {@code ####} line; otherwise empty (the usual detection applies and reports a missing id).
     */
    static Optional<DatasetFields> fields(String file, List<String> keys, RawRow first, Map<String, String> overrides) {
        if (overrides.containsKey("id") || keys.stream().anyMatch(k -> FieldMapping.CANDIDATES.get("id").stream()
                .anyMatch(c -> c.equalsIgnoreCase(k.strip())))) {
            return Optional.empty();
        }
        List<String> withRow = new ArrayList<>(keys);
        withRow.add(ROW_INDEX);
        Map<String, String> withId = new LinkedHashMap<>(overrides);
        withId.put("id", ROW_INDEX);
        DatasetFields fields;
        try {
            fields = FieldMapping.resolve(file, withRow, withId);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        var answer = first.fields().get(fields.answer());
        return answer != null && answer.isTextual() && finalAnswer(answer.textValue()).isPresent()
                ? Optional.of(fields) : Optional.empty();
    }

    /** The number after a final {@code ####} line, thousands commas removed; empty when there is no such line. */
    static Optional<String> finalAnswer(String solution) {
        Matcher m = FINAL.matcher(solution.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).replace(",", "").strip());
    }
}
