package dev.claimcheck.core.model;

import java.util.Arrays;
import java.util.Optional;

/** Why a claim's setting has its value (docs/claims.md, "Settings"). */
public enum SettingBasis {
    /** The source states it (a flag on the published command line, a sentence on the page). */
    STATED("stated"),
    /** The source names a script and leaves the setting at that script's default, read at a recorded revision. */
    SCRIPT_DEFAULT("scriptDefault"),
    /** Neither stated nor implied: recorded so a reader sees it was looked for; never compared. */
    UNDISCLOSED("undisclosed");

    private final String id;

    SettingBasis(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Stated and script-default settings are what a reproduction must match. */
    public boolean compared() {
        return this != UNDISCLOSED;
    }

    public static Optional<SettingBasis> byId(String id) {
        return Arrays.stream(values()).filter(b -> b.id.equals(id)).findFirst();
    }
}
