package dev.claimcheck.core.model;

/** The claim verdict vocabulary of docs/architecture.md §8.1; {@link #id()} is the JSON spelling. */
public enum ClaimVerdict {
    /** The claim lies inside the reproduction's 95% interval. */
    CONSISTENT("consistent", "consistent"),
    /** The claim lies above the interval (one-sided p-value reported). */
    REFUTED("refuted", "refuted"),
    /** The reproduction lies above the claim. */
    EXCEEDS("exceeds", "exceeds claim"),
    /** The reproduction did not use the stated settings (the differences are listed). */
    SETTINGS_DIFFER("settingsDiffer", "settings differ"),
    /** The source does not state the settings needed to reproduce the number. */
    UNDISCLOSED("undisclosed", "settings undisclosed"),
    /** No run measures it yet (or an audit cannot measure it). */
    NOT_REPRODUCED("notReproduced", "not reproduced");

    private final String id;
    private final String text;

    ClaimVerdict(String id, String text) {
        this.id = id;
        this.text = text;
    }

    public String id() {
        return id;
    }

    /** Words for a page. */
    public String text() {
        return text;
    }
}
