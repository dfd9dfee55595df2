package dev.claimcheck.core.grade;

import dev.claimcheck.core.grade.arc.Grid;
import dev.claimcheck.core.grade.arc.GridReader;
import dev.claimcheck.core.grade.arc.GridReading;
import dev.claimcheck.core.model.Verdict;

/**
 * ARC-AGI: the reply's last grid-shaped block ({@link GridReader}) must equal the expected grid cell for cell. The
 * expected answer is the grid as rows of digits. A {@code <think>} section left in the content is never read: only
 * the text after its closing tag is graded (docs/grading/arc.md).
 *
 * <p>{@code verdict.detail} starts with one of {@link #EQUAL}, {@link #DIFFERENT}, {@link #WRONG_SHAPE},
 * {@link #MALFORMED} or {@link #NO_GRID}; the workload's figures count the last three apart.
 */
public final class ArcGrader extends NamedGrader {
    public static final String ID = "arc-grid";
    public static final String VERSION = "1";
    public static final String EQUAL = "equal";
    public static final String DIFFERENT = "cells differ:";
    public static final String WRONG_SHAPE = "wrong shape:";
    public static final String MALFORMED = "malformed grid:";
    public static final String NO_GRID = "no grid";

    public ArcGrader() {
        super(ID, VERSION);
    }

    @Override
    public Verdict grade(String response, String expected) {
        Grid want;
        try {
            want = Grid.ofText(expected == null ? "" : expected);
        } catch (IllegalArgumentException e) {
            return verdict(false, null, expected, "expected answer is " + e.getMessage());
        }
        GridReading reading = GridReader.read(finalText(response));
        if (reading instanceof GridReading.Missing) {
            return verdict(false, null, expected, NO_GRID + " in the response");
        }
        if (reading instanceof GridReading.Malformed m) {
            return verdict(false, null, expected, MALFORMED + " " + m.reason());
        }
        GridReading.Found found = (GridReading.Found) reading;
        Grid got = found.grid();
        if (got.height() != want.height() || got.width() != want.width()) {
            return verdict(false, got.text(), expected, WRONG_SHAPE + " " + got.shape() + ", expected " + want.shape()
                    + " (" + found.form() + ")");
        }
        int differ = got.differingCells(want);
        return differ == 0 ? verdict(true, got.text(), expected, EQUAL + " (" + found.form() + ")")
                : verdict(false, got.text(), expected, DIFFERENT + " " + differ + " of " + got.height() * got.width()
                        + " (" + found.form() + ")");
    }

    /** The content after the last {@code </think>}; an unclosed {@code <think>} hides everything after it. */
    static String finalText(String content) {
        if (content == null) {
            return "";
        }
        String text = content;
        int close = text.lastIndexOf("</think>");
        if (close >= 0) {
            text = text.substring(close + "</think>".length());
        }
        int open = text.indexOf("<think>");
        return open >= 0 ? text.substring(0, open) : text;
    }
}
