package dev.claimcheck.core.suite.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.CodeDetail;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CodeRunMetricsTest {
    static Sample code(String task, int attempt, String verdict, int testsRun, String difficulty, String date) {
        boolean ok = verdict.equals("accepted");
        List<CodeDetail.Test> tests = new java.util.ArrayList<>();
        for (int i = 0; i < testsRun; i++) {
            boolean last = i == testsRun - 1;
            tests.add(new CodeDetail.Test(ok || !last, ok || !last ? "accepted" : verdict, 5));
        }
        String detail = new CodeDetail(verdict, tests, 3, "m", "py", "x").withProblem(difficulty, date).toJson();
        return new Sample(task, attempt, null, "h", null, null, new Response("```python\n```", null, null, "stop"),
                new Usage(10, 100, 0, 0), null, new Verdict(ok, ok ? 1 : 0, "x", "sha256:1", "code", "1", detail), null, null);
    }

    @Test
    void passAtKVerdictsAndGroupsComeFromTheRecordedDetails() {
        List<Sample> samples = List.of(
                code("a", 0, "accepted", 3, "easy", "2025-01-05"), code("a", 1, "wrongAnswer", 2, "easy", "2025-01-05"),
                code("b", 0, "timeLimit", 1, "hard", "2025-02-01"), code("b", 1, "compileError", 0, "hard", "2025-02-01"));

        CodeMetrics m = RunMetrics.of(samples, SuiteRegistry.figures(Workload.CODE)).get(CodeFigures.BLOCK);

        assertThat(m.k()).isEqualTo(2);
        assertThat(m.passAtK()).extracting(p -> p.k()).containsExactly(1, 2);
        assertThat(m.passAtK().get(0).estimate().value()).isCloseTo(0.25, Offset.offset(1e-12));
        assertThat(m.passAtK().get(1).estimate().value()).isCloseTo(0.5, Offset.offset(1e-12));
        assertThat(m.verdicts()).isEqualTo(Map.of("accepted", 1, "wrongAnswer", 1, "timeLimit", 1, "compileError", 1));
        assertThat(m.testsRun()).isEqualTo(6);
        assertThat(m.byDifficulty().get("easy").value()).isEqualTo(0.5);
        assertThat(m.byDifficulty().get("hard").value()).isEqualTo(0.0);
        assertThat(m.byMonth()).containsOnlyKeys("2025-01", "2025-02");
        assertThat(RunMetrics.of(samples, SuiteRegistry.figures(Workload.MATH)).get(CodeFigures.BLOCK)).isNull();
    }

    @Test
    void anUnreadableDetailIsCountedApart() {
        Sample s = code("a", 0, "accepted", 3, null, null);
        Verdict v = s.verdict();
        Sample broken = new Sample("a", 0, null, "h", null, null, s.response(), s.usage(), null,
                new Verdict(true, 1, null, v.expected(), "code", "1", "not json"), null, null);
        assertThat(RunMetrics.of(List.of(broken), SuiteRegistry.figures(Workload.CODE)).get(CodeFigures.BLOCK).verdicts()).isEqualTo(Map.of("unreadable", 1));
    }
}
