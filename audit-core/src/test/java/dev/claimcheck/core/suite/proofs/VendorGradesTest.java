package dev.claimcheck.core.suite.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vendor's self-grades, read from the prose of its README in English or Chinese. */
class VendorGradesTest {
    @Test
    void englishGradesAreReadPerProblemHeadingWithTheirLine() {
        String text = """
                ## Comparison
                #### Problem 1
                Old model: a gap.
                **New model**: complete. This solution gets **7 points**.
                #### Problem 6
                **New model**: wrong answer. This solution gets **0 points**.
                """;
        var grades = VendorGrades.english(text, "README_en.md");
        assertThat(grades).containsOnlyKeys(1, 6);
        assertThat(grades.get(1)).isEqualTo(new VendorGrades.Stated(7, "README_en.md:4"));
        assertThat(grades.get(6).points()).isZero();
    }

    @Test
    void chineseGradesAreReadUnderChineseNumeralHeadings() {
        String text = "#### 第一题\n此题得分**21分**。\n\n#### 第十二题\n此题得分**0分**。\n";
        var grades = VendorGrades.chinese(text, "README_zh.md");
        assertThat(grades.get(1)).isEqualTo(new VendorGrades.Stated(21, "README_zh.md:2"));
        assertThat(grades.get(12).points()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"一,1", "六,6", "十,10", "十一,11", "二十,20", "二十三,23", "7,7"})
    void chineseNumeralsAreNumbers(String numeral, int value) {
        assertThat(VendorGrades.number(numeral)).isEqualTo(value);
    }

    @Test
    void aSecondGradeForOneProblemIsRefusedWithBothLines() {
        String text = "#### Problem 2\nThis solution gets **7 points**.\nThis solution gets **6 points**.\n";
        assertThatThrownBy(() -> VendorGrades.english(text, "README_en.md")).isInstanceOf(BadInputException.class)
                .hasMessage("README_en.md:3: a second grade for problem 2 (first at README_en.md:2)");
    }

    @Test
    void aGradeBeforeAnyHeadingIsRefused() {
        assertThatThrownBy(() -> VendorGrades.english("This solution gets **7 points**.", "README_en.md"))
                .isInstanceOf(BadInputException.class).hasMessage("README_en.md:1: a grade before any problem heading");
    }
}
