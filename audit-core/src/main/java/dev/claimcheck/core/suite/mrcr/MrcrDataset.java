package dev.claimcheck.core.suite.mrcr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.suite.data.ColumnKind;
import dev.claimcheck.core.suite.data.ParquetRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An openai/mrcr parquet file as published on Hugging Face: {@code prompt} (a JSON string of chat messages, each
 * {@code role} and {@code content}), {@code answer}, {@code random_string_to_prepend} and {@code n_needles}; its other
 * columns ({@code desired_msg_index}, {@code total_messages}, {@code n_chars}, {@code date_added}) are not needed.
 * Rows are streamed or re-read one at a time, never held all at once (a prompt may hold 1M tokens). Every error names
 * {@code file: row N}.
 */
final class MrcrDataset {
    static final int MAX_PROMPT_CHARS = 16 << 20;
    static final int MAX_MESSAGES = 100_000;
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");
    private static final ObjectMapper JSON = limited();

    private final ParquetRows rows;

    private MrcrDataset(ParquetRows rows) {
        this.rows = rows;
    }

    static MrcrDataset open(Path file) {
        ParquetRows rows = ParquetRows.open(file);
        rows.require("prompt", ColumnKind.TEXT);
        rows.require("answer", ColumnKind.TEXT);
        rows.require("random_string_to_prepend", ColumnKind.TEXT);
        rows.require("n_needles", ColumnKind.INTEGER);
        if (rows.rowCount() == 0) {
            throw new BadInputException(rows.fileName() + ": no rows");
        }
        return new MrcrDataset(rows);
    }

    String fileName() {
        return rows.fileName();
    }

    String sha256() {
        return rows.sha256();
    }

    void forEach(Consumer<MrcrRow> consumer) {
        rows.forEach(r -> consumer.accept(parse(r)));
    }

    MrcrRow row(long number) {
        return parse(rows.row(number));
    }

    private MrcrRow parse(ParquetRows.Row r) {
        String where = rows.fileName() + ": row " + r.number();
        String prompt = text(r, "prompt", where);
        String answer = text(r, "answer", where);
        String prepend = text(r, "random_string_to_prepend", where);
        if (prepend.isEmpty()) {
            throw new BadInputException(where + ": random_string_to_prepend is empty");
        }
        Object needles = r.get(rows.column("n_needles").name());
        if (!(needles instanceof Long n) || n < 1 || n > 999) {
            throw new BadInputException(where + ": n_needles must be a whole number from 1 to 999, got " + needles);
        }
        return new MrcrRow(r.number(), messages(prompt, where), answer, prepend, n.intValue());
    }

    private String text(ParquetRows.Row r, String column, String where) {
        Object v = r.get(rows.column(column).name());
        if (!(v instanceof String s)) {
            throw new BadInputException(where + ": " + column + " is null");
        }
        return s;
    }

    /** The published conversation: a JSON array of {role, content}; the last message is the user's request. */
    static List<ChatMessage> messages(String prompt, String where) {
        if (prompt.length() > MAX_PROMPT_CHARS) {
            throw new BadInputException(where + ": prompt longer than " + MAX_PROMPT_CHARS + " characters");
        }
        JsonNode n;
        try {
            n = JSON.readTree(prompt);
        } catch (JsonProcessingException e) {
            throw new BadInputException(where + ": prompt is not valid JSON at column " + e.getLocation().getColumnNr());
        }
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new BadInputException(where + ": prompt must be a non-empty JSON array of messages");
        }
        if (n.size() > MAX_MESSAGES) {
            throw new BadInputException(where + ": prompt has more than " + MAX_MESSAGES + " messages");
        }
        List<ChatMessage> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode m = n.get(i);
            String role = m.path("role").asText(null);
            if (!m.isObject() || role == null || !ROLES.contains(role) || !m.path("content").isTextual()) {
                throw new BadInputException(where + ": prompt message " + (i + 1)
                        + " must be {\"role\": system|user|assistant, \"content\": text}");
            }
            out.add(new ChatMessage(role, m.get("content").asText(), List.of(), null));
        }
        if (!out.get(out.size() - 1).role().equals("user")) {
            throw new BadInputException(where + ": the prompt's last message must be the user's request");
        }
        return out;
    }

    private static ObjectMapper limited() {
        JsonMapper mapper = JsonMapper.builder().build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(8).maxStringLength(MAX_PROMPT_CHARS).maxNumberLength(32).build());
        return mapper;
    }
}
