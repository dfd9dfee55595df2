package dev.claimcheck.core.grade.arc;

import java.util.Objects;

/** What {@link GridReader} read from a response: a grid, a grid-shaped block that is not a grid, or nothing. */
public sealed interface GridReading {
    /**
     * A grid.
     *
     * @param form how it was written: {@code rows} (lines of cells) or {@code json} (a {@code [[...]]} array)
     */
    record Found(Grid grid, String form) implements GridReading {
        public Found {
            Objects.requireNonNull(grid, "grid");
            Objects.requireNonNull(form, "form");
        }
    }

    /** The last grid-shaped block is not a grid: ragged rows, an empty row, a cell outside 0–9. */
    record Malformed(String reason) implements GridReading {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** No grid-shaped block at all. */
    record Missing() implements GridReading {
    }
}
