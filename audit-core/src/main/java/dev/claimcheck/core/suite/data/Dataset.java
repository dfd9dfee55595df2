package dev.claimcheck.core.suite.data;

import dev.claimcheck.core.model.AnswersHash;
import dev.claimcheck.core.model.RunManifest.DatasetFields;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dataset file as loaded: its identity (file name and SHA-256 of its bytes), the field mapping used
 * and its rows in file order (docs/datasets.md).
 *
 * @param name the file name without its extension
 * @param fileName the file name only (never a path: run.json holds no absolute local path)
 * @param sha256 of the file's bytes
 * @param fields the columns read as id, problem and answer
 */
public record Dataset(String name, String fileName, String sha256, DatasetFields fields, List<DatasetRow> rows) {
    public Dataset {
        Objects.requireNonNull(sha256, "sha256");
        rows = List.copyOf(rows);
    }

    /** {@link AnswersHash} over every (id, answer) pair of the file. */
    public String answersSha256() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (DatasetRow row : rows) {
            answers.put(row.id(), row.answer());
        }
        return AnswersHash.of(answers);
    }

    /**
     * The run.json record of this dataset.
     *
     * @param source where it was read from, relative to the root, or the file name
     */
    public DatasetRef ref(String source, boolean redistributable) {
        return new DatasetRef(name, sha256, source, redistributable, null, rows.size(), fields, answersSha256());
    }
}
