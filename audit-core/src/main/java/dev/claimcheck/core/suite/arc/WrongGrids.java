package dev.claimcheck.core.suite.arc;

import dev.claimcheck.core.grade.arc.Grid;
import dev.claimcheck.core.model.PromptHash;
import java.util.ArrayList;
import java.util.List;

/**
 * A genuinely wrong answer for the simulator's oracle, derived from the item id only (the same on every run): for
 * most items the right grid with one cell changed to the next colour; for one in four a wrong shape (the last row
 * dropped, or a column added to a one-row grid), the commonest ARC mistake after a wrong cell.
 */
final class WrongGrids {
    private WrongGrids() {
    }

    static Grid near(String itemId, Grid right) {
        int h = Integer.parseInt(PromptHash.sha256Hex(itemId).substring(0, 6), 16);
        List<String> rows = new ArrayList<>(right.rows());
        if (h % 4 == 0) {
            if (rows.size() > 1) {
                rows.remove(rows.size() - 1);
            } else {
                rows.set(0, rows.get(0) + rows.get(0).charAt(0));
            }
            return new Grid(rows);
        }
        int r = (h / 4) % right.height();
        int c = (h / 4 / right.height()) % right.width();
        char[] row = rows.get(r).toCharArray();
        row[c] = (char) ('0' + (row[c] - '0' + 1) % 10);
        rows.set(r, new String(row));
        return new Grid(rows);
    }
}
