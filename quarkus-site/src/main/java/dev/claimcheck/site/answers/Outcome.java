package dev.claimcheck.site.answers;

import dev.claimcheck.core.model.Sample;

/** What became of one attempt, as the grid, the sample page and the sample browser show it. */
public enum Outcome {
    CORRECT("correct", "✓"), WRONG("wrong", "✗"), ERROR("error", "!");

    private final String id;
    private final String glyph;

    Outcome(String id, String glyph) {
        this.id = id;
        this.glyph = glyph;
    }

    public String id() {
        return id;
    }

    /** Shown beside the colour, so the grid does not rely on colour alone. */
    public String glyph() {
        return glyph;
    }

    public static Outcome of(Sample s) {
        return s.error() != null ? ERROR : s.verdict().correct() ? CORRECT : WRONG;
    }
}
