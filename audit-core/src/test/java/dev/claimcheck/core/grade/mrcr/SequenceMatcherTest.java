package dev.claimcheck.core.grade.mrcr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** difflib's ratio on cases worked out by hand: 2·M / (|a| + |b|), M the size of the matching blocks found. */
class SequenceMatcherTest {
    @ParameterizedTest(name = "{0} vs {1}: {2}/{3}")
    @CsvSource(delimiter = '|', textBlock = """
            abcd      | bcde      | 6  | 8
            abcd      | abcd      | 8  | 8
            abc       | xyz       | 0  | 6
            ' abcd'   | abcd abcd | 10 | 14
            ab        | ba        | 2  | 4
            abxcd     | abycd     | 8  | 10
            a         | ''        | 0  | 1
            """)
    void theRatioIsTwiceTheMatchesOverBothLengths(String a, String b, int twiceMatches, int lengths) {
        // ' abcd' vs 'abcd abcd': the block ' abcd' (5) at b[4]; nothing is left on either side.
        // ab vs ba: one block of one item (a's 'a' with b's 'a'), then no room on either side for 'b'.
        // abxcd vs abycd: 'ab' (the earliest of the two longest), then 'cd' to its right.
        assertThat(SequenceMatcher.ratio(a, b)).isEqualTo((double) twiceMatches / lengths);
    }

    @Test
    void twoEmptySequencesMatchCompletely() {
        assertThat(SequenceMatcher.ratio("", "")).isEqualTo(1.0);
    }

    @Test
    void fromTwoHundredItemsOfBAnItemMoreFrequentThanOnePercentCannotStartAMatch() {
        // b = 'y' + 199 × 'x': 200 items, so autojunk applies; 'x' occurs 199 > 1 + 200/100 times and is popular.
        // No match can start on an 'x' and a has no 'y': no block at all.
        assertThat(SequenceMatcher.ratio("xxxxx", "y" + "x".repeat(199))).isEqualTo(0.0);
        // One item shorter, autojunk is off: the five x's match.
        assertThat(SequenceMatcher.ratio("xxxxx", "y" + "x".repeat(198))).isEqualTo(10.0 / 204);
    }

    @Test
    void aMatchStartedOnARareItemExtendsOverPopularOnes() {
        // b = 'y' + 199 × 'x'; a = 'yxxx': the match starts on 'y' and extends over three popular x's: 4 items.
        assertThat(SequenceMatcher.ratio("yxxx", "y" + "x".repeat(199))).isEqualTo(8.0 / 204);
    }

    @Test
    void autojunkLooksAtTheSecondSequenceOnly() {
        // The same pair reversed: b = 'xxxxx' has 5 items, no autojunk, and the five x's match.
        assertThat(SequenceMatcher.ratio("y" + "x".repeat(199), "xxxxx")).isEqualTo(10.0 / 205);
    }

    @Test
    void itemsAreCodePointsNotUtf16Units() {
        // One emoji is one item in Python (two UTF-16 units in Java): 'a😀' vs '😀b' share one item of four.
        assertThat(SequenceMatcher.ratio("a\uD83D\uDE00", "\uD83D\uDE00b")).isEqualTo(2.0 / 4);
    }
}
