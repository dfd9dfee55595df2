package dev.claimcheck.core.suite.arc;

import java.util.List;
import java.util.Objects;

/**
 * One ARC task file: the demonstration pairs and the test pairs (each test pair becomes one graded item).
 *
 * @param id the file name without {@code .json}, as ARC names its tasks
 * @param train demonstration pairs, shown to the model with their outputs
 * @param test test pairs: the model sees the input, its output is the expected answer
 */
record ArcTaskFile(String id, List<ArcPair> train, List<ArcPair> test) {
    ArcTaskFile {
        Objects.requireNonNull(id, "id");
        train = List.copyOf(train);
        test = List.copyOf(test);
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("task " + id + " needs at least one train and one test pair");
        }
    }

    /** The graded item's task id for test pair {@code index}: {@code <file id>/<index>}, 0-based as in the file. */
    String itemId(int index) {
        return id + "/" + index;
    }

    /** The file's id from an item's task id: everything before the last {@code /}. */
    static String fileOf(String itemId) {
        int slash = itemId.lastIndexOf('/');
        return slash < 0 ? itemId : itemId.substring(0, slash);
    }
}
