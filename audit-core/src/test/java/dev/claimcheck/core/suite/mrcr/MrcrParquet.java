package dev.claimcheck.core.suite.mrcr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.data.ParquetFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/** MRCR rows in the published column layout, written as parquet at test time (nothing downloaded). */
final class MrcrParquet {
    static final Path FIXTURE = Path.of("src/test/resources/suites/mrcr/rows.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"river", "stone", "lantern", "harbor", "meadow", "copper", "violet", "quiet",
        "engine", "orchard", "signal", "winter", "paper", "garden", "thunder", "mirror"};

    private MrcrParquet() {
    }

    /** The fixture's rows (JSON lines of the published columns) as a parquet file. */
    static Path fixture(Path dir) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(FIXTURE)) {
            rows.add(JSON.readTree(line));
        }
        return write(dir.resolve("mrcr_fixture.parquet"), rows);
    }

    /**
     * A row of {@code needles} identical asks among distractors, padded with {@code fillerWords} words of prose per
     * distractor reply so the conversation reaches a context bin; the request asks for needle {@code target}.
     */
    static JsonNode row(int needles, int target, String prepend, int fillerWords, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ArrayNode messages = JSON.createArrayNode();
        messages.add(message("user", "Here are some conversations (" + seed + "); answer the question at the end."));
        String answer = null;
        for (int i = 1; i <= needles; i++) {
            String poem = "Poem " + i + " about tapirs (" + seed + "):\nslow snouts in the " + WORDS[random.nextInt(WORDS.length)]
                    + ",\nstripes of a calf at dawn.";
            messages.add(message("user", "write a poem about tapirs"));
            messages.add(message("assistant", poem));
            if (i == target) {
                answer = prepend + poem;
            }
            StringJoiner filler = new StringJoiner(" ");
            for (int w = 0; w < fillerWords; w++) {
                filler.add(WORDS[random.nextInt(WORDS.length)]);
            }
            messages.add(message("user", "write a blog post about rocks"));
            messages.add(message("assistant", filler.toString()));
        }
        messages.add(message("user", "Prepend " + prepend + " to the " + target + "th (1 indexed) poem about tapirs."
                + " Do not include any other text in your response."));
        ObjectNode row = JSON.createObjectNode();
        row.put("prompt", messages.toString());
        row.put("answer", answer);
        row.put("random_string_to_prepend", prepend);
        row.put("n_needles", needles);
        row.put("desired_msg_index", 4 * target - 2);
        row.put("total_messages", messages.size());
        row.put("n_chars", messages.toString().length());
        row.put("date_added", "12-05-2025");
        return row;
    }

    static Path write(Path file, List<JsonNode> rows) throws Exception {
        StringJoiner values = new StringJoiner(", ");
        for (JsonNode r : rows) {
            values.add("(" + ParquetFixture.text(r.get("prompt").asText()) + ", " + ParquetFixture.text(r.get("answer").asText())
                    + ", " + ParquetFixture.text(r.get("random_string_to_prepend").asText()) + ", " + r.get("n_needles").asLong()
                    + "::BIGINT, " + r.get("desired_msg_index").asLong() + "::BIGINT, " + r.get("total_messages").asLong()
                    + "::BIGINT, " + r.get("n_chars").asLong() + "::BIGINT, " + ParquetFixture.text(r.get("date_added").asText()) + ")");
        }
        return ParquetFixture.write(file, "SELECT * FROM (VALUES " + values + ") AS t(prompt, answer, random_string_to_prepend,"
                + " n_needles, desired_msg_index, total_messages, n_chars, date_added)");
    }

    private static ObjectNode message(String role, String content) {
        ObjectNode m = JSON.createObjectNode();
        m.put("role", role);
        m.put("content", content);
        return m;
    }
}
