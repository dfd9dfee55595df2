package dev.claimcheck.core.grade.arc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the answer grid from a model's reply: tolerant of prose around it, code fences and the usual ways of writing
 * cells, strict about what it finds. The answer is the <em>last</em> grid-shaped block of the text, of either form
 * (docs/grading/arc.md):
 *
 * <ul>
 *   <li>{@code rows}: consecutive lines that each hold only cells: digits run together ({@code 0120}) or separated by
 *       spaces, tabs or commas ({@code 0 1 2 0}, {@code 0,1,2,0}), optionally in brackets with a trailing comma
 *       ({@code [0, 1, 2, 0],}); a blank line, a fence or a line of prose ends the block;</li>
 *   <li>{@code json}: an array of arrays of integers, {@code [[0,1],[2,3]]}, on one line or several.</li>
 * </ul>
 *
 * A block found is never repaired: ragged rows, an empty row or a cell outside 0–9 make it {@link GridReading.Malformed},
 * and no earlier block is tried instead. Linear in the length of the text; no backtracking regular expression runs
 * over the whole reply.
 */
public final class GridReader {
    /** A line holding only cells: digits, optionally separated, optionally bracketed, optionally ending in a comma. */
    private static final Pattern ROW_LINE = Pattern.compile("[ \\t]*\\[?[ \\t]*\\d+(?:[ \\t,]+\\d+)*[ \\t]*\\]?[ \\t]*,?[ \\t]*");
    private static final Pattern SEPARATORS = Pattern.compile("[ \\t,]+");

    private GridReader() {
    }

    /** The last grid-shaped block of {@code text}, read as a grid. */
    public static GridReading read(String text) {
        if (text == null || text.isEmpty()) {
            return new GridReading.Missing();
        }
        List<Block> blocks = new ArrayList<>(JsonGrids.find(text));
        blocks.addAll(rowBlocks(text, blocks));
        Block last = null;
        for (Block b : blocks) {
            if (last == null || b.end() > last.end()) {
                last = b;
            }
        }
        return last == null ? new GridReading.Missing() : last.reading();
    }

    /** A grid-shaped span of the text and what it reads as. */
    record Block(int start, int end, GridReading reading) {
    }

    /** Runs of cell lines that do not overlap a JSON grid. */
    private static List<Block> rowBlocks(String text, List<Block> json) {
        List<Block> out = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int blockStart = -1;
        int blockEnd = -1;
        int pos = 0;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            boolean cells = ROW_LINE.matcher(line).matches() && !overlaps(json, pos, end);
            if (cells) {
                if (blockStart < 0) {
                    blockStart = pos;
                }
                blockEnd = end;
                lines.add(line);
            } else if (blockStart >= 0) {
                out.add(new Block(blockStart, blockEnd, rows(lines)));
                lines.clear();
                blockStart = -1;
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        if (blockStart >= 0) {
            out.add(new Block(blockStart, blockEnd, rows(lines)));
        }
        return out;
    }

    private static boolean overlaps(List<Block> blocks, int start, int end) {
        for (Block b : blocks) {
            if (b.start() < end && start < b.end()) {
                return true;
            }
        }
        return false;
    }

    /** Cell lines to a grid: separated cells must be single digits; unseparated digits are one cell each. */
    private static GridReading rows(List<String> lines) {
        List<String> rows = new ArrayList<>(lines.size());
        for (int r = 0; r < lines.size(); r++) {
            String line = lines.get(r).strip();
            if (line.endsWith(",")) {
                line = line.substring(0, line.length() - 1).strip();
            }
            if (line.startsWith("[")) {
                line = line.substring(1);
            }
            if (line.endsWith("]")) {
                line = line.substring(0, line.length() - 1);
            }
            line = line.strip();
            if (!SEPARATORS.matcher(line).find()) {
                rows.add(line);
                continue;
            }
            StringBuilder row = new StringBuilder();
            for (String cell : SEPARATORS.split(line)) {
                if (cell.length() != 1) {
                    return new GridReading.Malformed("row " + (r + 1) + ": cell " + cell + " is outside 0-9");
                }
                row.append(cell);
            }
            rows.add(row.toString());
        }
        return grid(rows, "rows");
    }

    static GridReading grid(List<String> rows, String form) {
        return Grid.problem(rows).<GridReading>map(GridReading.Malformed::new)
                .orElseGet(() -> new GridReading.Found(new Grid(rows), form));
    }
}
