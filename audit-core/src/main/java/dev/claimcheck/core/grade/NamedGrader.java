package dev.claimcheck.core.grade;

import dev.claimcheck.core.model.Verdict;

/**
 * A grader's identity, declared once: the id and version every verdict it gives records, and the verdict
 * constructor that stamps them (score 1 when correct, else 0). Graders extend it with their own constants.
 */
public abstract class NamedGrader implements Grader {
    private final String id;
    private final String version;

    protected NamedGrader(String id, String version) {
        this.id = id;
        this.version = version;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String version() {
        return version;
    }

    /** A verdict of this grader: {@code correct} scores 1, anything else 0. */
    protected final Verdict verdict(boolean correct, String extracted, String expected, String detail) {
        return new Verdict(correct, correct ? 1 : 0, extracted, expected, id, version, detail);
    }
}
