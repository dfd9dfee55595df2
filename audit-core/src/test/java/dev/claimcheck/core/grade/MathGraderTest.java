package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.math.MathRules;
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

/**
 * The gold/prediction/expected table in src/test/resources/grade/math-cases.tsv, one case per row: graded by the newest
 * math version, and by version 1, which must keep the verdicts it gave (the table's fifth cell where they differ).
 */
class MathGraderTest {
    private static final MathGrader GRADER = new MathGrader();
    private static final MathGrader V1 = new MathGrader(MathRules.V1);

    /** One row: the case name, gold, prediction, the newest version's verdict and version 1's. */
    record Row(String name, String gold, String pred, boolean equal, boolean equalInV1) {
    }

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                MathGraderTest.class.getResourceAsStream("/grade/math-cases.tsv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cells = line.replace("\u23ce", "\n").split("\t", -1);
                if (cells.length < 4 || cells.length > 5 || !isVerdict(cells[2])
                        || cells.length == 5 && !(cells[4].startsWith("v1=") && isVerdict(cells[4].substring(3)))) {
                    throw new IllegalStateException("bad fixture row: " + line);
                }
                boolean equal = cells[2].equals("equal");
                boolean v1 = cells.length == 5 ? cells[4].equals("v1=equal") : equal;
                if (cells.length == 5 && v1 == equal) {
                    throw new IllegalStateException("a v1 cell that agrees with the newest version: " + line);
                }
                out.add(new Row(cells[3], cells[0], cells[1], equal, v1));
            }
        }
        return out;
    }

    private static boolean isVerdict(String s) {
        return s.equals("equal") || s.equals("different");
    }

    static List<Arguments> cases() throws IOException {
        return rows().stream().map(r -> Arguments.of(r.name(), r.gold(), r.pred(), r.equal())).toList();
    }

    static List<Arguments> v1Cases() throws IOException {
        return rows().stream().map(r -> Arguments.of(r.name(), r.gold(), r.pred(), r.equalInV1())).toList();
    }

    @ParameterizedTest(name = "{0}: gold={1} pred={2} equal={3}")
    @MethodSource("cases")
    void gradesTable(String name, String gold, String pred, boolean equal) {
        Verdict v = GRADER.grade(pred, gold);
        assertThat(v.correct()).as("%s [%s]", name, v.detail()).isEqualTo(equal);
        assertThat(v.score()).isEqualTo(equal ? 1.0 : 0.0);
        assertThat(v.grader()).isEqualTo("math");
        assertThat(v.graderVersion()).isEqualTo("2");
        assertThat(v.expected()).isEqualTo(gold);
        assertThat(v.detail()).isNotBlank();
    }

    @ParameterizedTest(name = "v1 {0}: gold={1} pred={2} equal={3}")
    @MethodSource("v1Cases")
    void versionOneKeepsItsVerdicts(String name, String gold, String pred, boolean equal) {
        Verdict v = V1.grade(pred, gold);
        assertThat(v.correct()).as("%s [%s]", name, v.detail()).isEqualTo(equal);
        assertThat(v.graderVersion()).isEqualTo("1");
    }

    @Test
    void tableHasFourHundredCasesBothOutcomesAndDriftBothWays() throws IOException {
        List<Row> all = rows();
        assertThat(all).hasSizeGreaterThanOrEqualTo(400);
        assertThat(all.stream().filter(r -> !r.equal()).count()).isGreaterThanOrEqualTo(80);
        // The classes issue #17 names each change verdicts between the versions, in both directions.
        assertThat(all.stream().filter(r -> r.equal() && !r.equalInV1()).count()).isGreaterThanOrEqualTo(25);
        assertThat(all.stream().filter(r -> !r.equal() && r.equalInV1()).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void bothVersionsAreRegisteredTheNewestForNewVerdicts() {
        assertThat(Graders.byId("math").version()).isEqualTo("2");
        assertThat(Graders.byIdAndVersion("math", "1").version()).isEqualTo("1");
        assertThat(Graders.versions("math")).containsExactly("2", "1");
        assertThat(Graders.all()).filteredOn(g -> g.id().equals("math")).singleElement()
                .extracting(Grader::version).isEqualTo("2");
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
        assertThat(GRADER.normalizeExpected("-3^{\\circ}\\text{C}")).isEqualTo("-3");
        assertThat(V1.normalizeExpected("-3^{\\circ}\\text{C}")).isEqualTo("-3 C");
    }
}
