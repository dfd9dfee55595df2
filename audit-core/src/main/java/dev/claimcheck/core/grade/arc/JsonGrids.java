package dev.claimcheck.core.grade.arc;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds arrays of arrays of non-negative integers in free text ({@code [[0, 1], [2, 3]]}, any whitespace), left to
 * right, each read once. Anything else that starts with {@code [[} (a list nested three deep, a negative number, words) is
 * not a grid and is skipped. Cells are read as written, so {@code 12} is reported as outside 0–9 rather than split.
 */
final class JsonGrids {
    private JsonGrids() {
    }

    static List<GridReader.Block> find(String text) {
        List<GridReader.Block> out = new ArrayList<>();
        int i = 0;
        while ((i = text.indexOf('[', i)) >= 0) {
            GridReader.Block b = insideAList(text, i) ? null : new Scan(text, i).block();
            if (b != null) {
                out.add(b);
                i = b.end();
            } else {
                i++;
            }
        }
        return out;
    }

    /** Whether the bracket at {@code i} is an element of an enclosing list, so the grid would be nested three deep. */
    private static boolean insideAList(String text, int i) {
        int j = i - 1;
        while (j >= 0 && Character.isWhitespace(text.charAt(j))) {
            j--;
        }
        return j >= 0 && text.charAt(j) == '[';
    }

    /** One attempt to read a grid starting at {@code start}; {@link #block()} is null when there is none there. */
    private static final class Scan {
        private final String text;
        private final int start;
        private int pos;
        private String malformed;

        Scan(String text, int start) {
            this.text = text;
            this.start = start;
            this.pos = start;
        }

        GridReader.Block block() {
            if (!take('[')) {
                return null;
            }
            List<String> rows = new ArrayList<>();
            do {
                StringBuilder row = new StringBuilder();
                if (!take('[')) {
                    return null;
                }
                if (!take(']')) {
                    do {
                        skipSpace();
                        int from = pos;
                        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                            pos++;
                        }
                        if (pos == from) {
                            return null;
                        }
                        String cell = text.substring(from, pos);
                        if (cell.length() != 1 && malformed == null) {
                            malformed = "row " + (rows.size() + 1) + ": cell " + cell + " is outside 0-9";
                        }
                        row.append(cell.charAt(cell.length() - 1));
                    } while (take(','));
                    if (!take(']')) {
                        return null;
                    }
                }
                rows.add(row.toString());
            } while (take(','));
            if (!take(']')) {
                return null;
            }
            GridReading reading = malformed != null ? new GridReading.Malformed(malformed) : GridReader.grid(rows, "json");
            return new GridReader.Block(start, pos, reading);
        }

        /** Skips whitespace, then consumes {@code c} if it is next. */
        private boolean take(char c) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }
    }
}
