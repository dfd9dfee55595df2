package dev.claimcheck.site.claims;

/** The claim verdict vocabulary of ARCHITECTURE.md §8; {@link #id()} is the JSON spelling. */
public enum ClaimVerdict {
    CONSISTENT("consistent", "consistent"),
    REFUTED("refuted", "refuted"),
    EXCEEDS("exceeds", "exceeds claim"),
    SETTINGS_DIFFER("settingsDiffer", "settings differ"),
    UNDISCLOSED("undisclosed", "settings undisclosed"),
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
