package dev.claimcheck.core.suite.agent;

import dev.claimcheck.core.BadInputException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The injected failures of the agent workload; ids are the camelCase spellings used in options and metrics. */
public enum Fault {
    /** The task's key tool fails once, transiently; the agent must read the error and retry. */
    TOOL_ERROR("toolError"),
    /** The file changes between the agent's read and its write; a write with the old version tag is rejected. */
    STALE_FILE("staleFile"),
    /** The instruction is underspecified; {@code ask_user} answers, acting first is a policy violation. */
    AMBIGUITY("ambiguity"),
    /** Mid-task a tool result announces a changed requirement; the final state must meet the new one. */
    CHECKPOINT("checkpoint");

    private final String id;

    Fault(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Fault of(String id) {
        for (Fault f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new BadInputException("unknown fault '" + id + "' (known: toolError, staleFile, ambiguity, checkpoint)");
    }

    /** Parses {@code --faults}: {@code all}, {@code none}, or a comma-separated list of fault ids. */
    public static Set<Fault> parseList(String spec) {
        String s = spec == null ? "all" : spec.trim();
        if (s.toLowerCase(Locale.ROOT).equals("all")) {
            return EnumSet.allOf(Fault.class);
        }
        if (s.toLowerCase(Locale.ROOT).equals("none")) {
            return EnumSet.noneOf(Fault.class);
        }
        List<Fault> faults = new ArrayList<>();
        for (String part : s.split(",")) {
            if (part.isBlank()) {
                throw new BadInputException("--faults has an empty entry: '" + spec + "'");
            }
            faults.add(of(part.trim()));
        }
        return EnumSet.copyOf(faults);
    }

    @Override
    public String toString() {
        return id;
    }
}
