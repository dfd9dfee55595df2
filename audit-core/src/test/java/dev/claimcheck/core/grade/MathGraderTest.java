package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The gold/prediction/expected table in src/test/resources/grade/math-cases.tsv, one case per row. */
class MathGraderTest {
    private static final MathGrader GRADER = new MathGrader();

    static List<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                MathGraderTest.class.getResourceAsStream("/grade/math-cases.tsv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != 4 || !(cells[2].equals("equal") || cells[2].equals("different"))) {
                    throw new IllegalStateException("bad fixture row: " + line);
                }
                out.add(Arguments.of(cells[3], cells[0], cells[1], cells[2].equals("equal")));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}: gold={1} pred={2} equal={3}")
    @MethodSource("cases")
    void gradesTable(String name, String gold, String pred, boolean equal) {
        Verdict v = GRADER.grade(pred, gold);
        assertThat(v.correct()).as("%s [%s]", name, v.detail()).isEqualTo(equal);
        assertThat(v.score()).isEqualTo(equal ? 1.0 : 0.0);
        assertThat(v.grader()).isEqualTo("math");
        assertThat(v.graderVersion()).isEqualTo("1");
        assertThat(v.expected()).isEqualTo(gold);
        assertThat(v.detail()).isNotBlank();
    }

    @Test
    void tableHasAtLeastThreeHundredCasesWithBothOutcomes() throws IOException {
        List<Arguments> all = cases();
        assertThat(all).hasSizeGreaterThanOrEqualTo(300);
        long different = all.stream().filter(a -> !(Boolean) a.get()[3]).count();
        assertThat(different).isGreaterThanOrEqualTo(60);
    }

    @Test
    void sameInputSameVerdict() {
        Verdict a = GRADER.grade("\\boxed{\\frac{\\pi r}{h+r}}", "\\frac{r\\pi}{r+h}");
        Verdict b = GRADER.grade("\\boxed{\\frac{\\pi r}{h+r}}", "\\frac{r\\pi}{r+h}");
        assertThat(a).isEqualTo(b);
        assertThat(a.correct()).isTrue();
    }

    @Test
    void normalizesGoldFromWorkedSolution() {
        assertThat(GRADER.normalizeExpected("so the total is $\\boxed{7{,}425{,}000}$.")).isEqualTo("7425000");
        assertThat(GRADER.normalizeExpected("\\dfrac{1}{2}")).isEqualTo("\\frac{1}{2}");
    }
}
