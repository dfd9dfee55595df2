package dev.claimcheck.core.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts a long-context task id carries, so metrics (length × depth cells, by format, by density) are
 * recomputed from sample lines alone: {@code lc-<length>-d<depth>-<kind>-<format>-x<density>-<index>},
 * e.g. {@code lc-32768-d050-single-json-x2-0003}.
 *
 * @param length target prompt tokens
 * @param depth percent, 0..100
 * @param kind task kind id (single, multiKey, …)
 * @param format the format of the section holding the planted material (prose, json, …)
 * @param density distractor needles per 8k tokens
 * @param index sample number within its (length, depth, kind, density) group
 */
public record LongctxTaskKey(int length, int depth, String kind, String format, int density, int index) {
    private static final Pattern ID = Pattern.compile("lc-(\\d+)-d(\\d{3})-([a-zA-Z]+)-([a-z]+)-x(\\d+)-(\\d+)");

    public LongctxTaskKey {
        if (length < 1 || depth < 0 || depth > 100 || density < 0 || index < 0) {
            throw new IllegalArgumentException("bad long-context task key " + length + "/" + depth + "/" + density + "/" + index);
        }
    }

    public String id() {
        return String.format(java.util.Locale.ROOT, "lc-%d-d%03d-%s-%s-x%d-%04d", length, depth, kind, format, density, index);
    }

    /** The key of a task id, or empty when the id is not a long-context one. */
    public static Optional<LongctxTaskKey> parse(String taskId) {
        Matcher m = ID.matcher(taskId);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LongctxTaskKey(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3),
                    m.group(4), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
