package dev.claimcheck.core.suite.longctx;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts an MRCR task id carries, so its figures are recomputed from sample lines alone:
 * {@code mrcr-<needles>n-<bin>-r<row>}, e.g. {@code mrcr-8n-128k-r17}; the bin is {@code out} for a row outside
 * every bin.
 *
 * @param needles the row's {@code n_needles} (2, 4 or 8)
 * @param bin the context bin's label, or {@code out}
 * @param row the 1-based row of the parquet file
 */
public record MrcrTaskKey(int needles, String bin, long row) {
    public static final String OUTSIDE = "out";
    private static final Pattern ID = Pattern.compile("mrcr-(\\d{1,3})n-([0-9a-z]+)-r(\\d{1,12})");

    public String id() {
        return "mrcr-" + needles + "n-" + bin + "-r" + row;
    }

    public static MrcrTaskKey of(int needles, Optional<MrcrBin> bin, long row) {
        return new MrcrTaskKey(needles, bin.map(b -> b.label).orElse(OUTSIDE), row);
    }

    /** The key of a task id, or empty when the id is not an MRCR one. */
    public static Optional<MrcrTaskKey> parse(String taskId) {
        Matcher m = ID.matcher(taskId);
        if (!m.matches() || (!m.group(2).equals(OUTSIDE) && MrcrBin.named(m.group(2)).isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new MrcrTaskKey(Integer.parseInt(m.group(1)), m.group(2), Long.parseLong(m.group(3))));
    }

    /** The bins' order, then {@code out}: how figures list them. */
    int binOrder() {
        return MrcrBin.named(bin).map(Enum::ordinal).orElse(MrcrBin.values().length);
    }
}
