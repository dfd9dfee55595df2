package dev.claimcheck.core.suite.arc;

import dev.claimcheck.core.grade.arc.Grid;
import java.util.Objects;

/** One input grid and the output grid the task's rule makes of it. */
record ArcPair(Grid input, Grid output) {
    ArcPair {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }
}
