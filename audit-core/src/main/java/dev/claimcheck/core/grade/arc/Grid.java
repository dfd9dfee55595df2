package dev.claimcheck.core.grade.arc;

import java.util.List;
import java.util.Optional;

/**
 * An ARC grid: a rectangle of cells, each a digit 0–9 (a colour), held as its rows of digits, so two grids are
 * equal exactly when every cell is. Its text form, {@link #text()}, is one row per line, one digit per cell,
 * with no separators (docs/grading/arc.md).
 *
 * @param rows the rows top to bottom, each a string of digits, all of one length, at least one of each
 */
public record Grid(List<String> rows) {
    public Grid {
        rows = List.copyOf(rows);
        problem(rows).ifPresent(p -> {
            throw new IllegalArgumentException("not a grid: " + p);
        });
    }

    /** Why these rows are not a grid (empty, an empty row, a non-digit, ragged), or empty when they are one. */
    public static Optional<String> problem(List<String> rows) {
        if (rows.isEmpty()) {
            return Optional.of("no rows");
        }
        int width = rows.get(0).length();
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r);
            if (row.isEmpty()) {
                return Optional.of("row " + (r + 1) + " is empty");
            }
            for (int c = 0; c < row.length(); c++) {
                char ch = row.charAt(c);
                if (ch < '0' || ch > '9') {
                    return Optional.of("row " + (r + 1) + " cell " + (c + 1) + " is '" + ch + "', not a digit 0-9");
                }
            }
            if (row.length() != width) {
                return Optional.of("ragged: row " + (r + 1) + " has " + row.length() + " cells, row 1 has " + width);
            }
        }
        return Optional.empty();
    }

    /** The grid written as rows of digits ({@code "012\n340"}): the form prompts and expected answers use. */
    public static Grid ofText(String text) {
        return new Grid(List.of(text.strip().split("\\R", -1)));
    }

    public int height() {
        return rows.size();
    }

    public int width() {
        return rows.get(0).length();
    }

    /** Height × width, as {@code 3x4}. */
    public String shape() {
        return height() + "x" + width();
    }

    public int cell(int row, int column) {
        return rows.get(row).charAt(column) - '0';
    }

    /** One row per line, one digit per cell, no separators, no final newline. */
    public String text() {
        return String.join("\n", rows);
    }

    /** Cells that differ from {@code other}, which has the same shape. */
    public int differingCells(Grid other) {
        int n = 0;
        for (int r = 0; r < height(); r++) {
            for (int c = 0; c < width(); c++) {
                n += rows.get(r).charAt(c) == other.rows.get(r).charAt(c) ? 0 : 1;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return text();
    }
}
