package dev.claimcheck.core.suite.arith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.suite.SuiteContext;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ArithSuiteTest {
    final ArithSuite suite = new ArithSuite();

    SuiteContext context(long seed, int problems, int steps) {
        ArithOptions o = new ArithOptions();
        o.problems = problems;
        o.steps = steps;
        return new SuiteContext(seed, o, Path.of("."));
    }

    @Test
    void theSameSeedGivesTheSameTasksAndAnotherSeedOthers() {
        assertThat(suite.tasks(context(7, 20, 4))).isEqualTo(suite.tasks(context(7, 20, 4)));
        assertThat(suite.tasks(context(8, 20, 4))).isNotEqualTo(suite.tasks(context(7, 20, 4)));
    }

    @Test
    void aProblemDoesNotDependOnHowManyAreGenerated() {
        assertThat(suite.tasks(context(3, 50, 4)).subList(0, 10)).isEqualTo(suite.tasks(context(3, 10, 4)));
    }

    @Test
    void everyExpectedAnswerIsWhatTheTextSays() {
        // An independent reading of the problem text must arrive at the stored answer.
        for (int steps = 1; steps <= 12; steps++) {
            for (Task t : suite.tasks(context(steps * 31L, 100, steps))) {
                assertThat(solve(t.messages().get(0).content())).as(t.id()).isEqualTo(Long.parseLong(t.expected()));
                assertThat(Long.parseLong(t.expected())).as("answers are non-negative").isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void theGeneratorIsByteStableAcrossMachines() throws Exception {
        // Golden file: a changed generator must bump ArithGenerator.VERSION and the suite version.
        StringBuilder actual = new StringBuilder();
        for (Task t : suite.tasks(context(0, 5, 4))) {
            actual.append(dev.claimcheck.core.store.Json.mapper().writeValueAsString(t)).append('\n');
        }
        Path golden = Path.of("src/test/resources/suites/arith/seed0-steps4.jsonl");
        if (Boolean.getBoolean("claimcheck.regenerateFixtures")) {
            java.nio.file.Files.writeString(golden, actual);
        }
        assertThat(actual.toString()).isEqualTo(java.nio.file.Files.readString(golden));
        assertThat(ArithGenerator.VERSION).isEqualTo("1");
    }

    @Test
    void theSimulatorIsToldARightAndAWrongAnswer() {
        Task t = suite.tasks(context(1, 1, 3)).get(0);
        OracleEntry.FinalAnswer e = (OracleEntry.FinalAnswer) suite.oracleEntry(t, context(1, 1, 3)).orElseThrow();
        assertThat(e.correct()).isEqualTo(t.expected());
        assertThat(e.wrong()).isNotEqualTo(t.expected());
    }

    @Test
    void gradingReadsTheLastBoxedInteger() {
        Task t = suite.tasks(context(1, 1, 3)).get(0);
        assertThat(suite.grade(t, "first \\boxed{0} then \\boxed{" + t.expected() + "}").correct()).isTrue();
        assertThat(suite.grade(t, "\\boxed{" + t.expected() + "} no, \\boxed{" + (Long.parseLong(t.expected()) + 1) + "}")
                .correct()).isFalse();
    }

    @Test
    void datasetHashIdentifiesTheGeneratedSet() {
        assertThat(suite.dataset(context(1, 5, 3)).sha256()).isEqualTo(suite.dataset(context(1, 5, 3)).sha256())
                .isNotEqualTo(suite.dataset(context(2, 5, 3)).sha256());
    }

    private static final Pattern SENTENCE = Pattern.compile(
            "starts with (\\d+)|(\\d+) more \\w+ arrive|(\\d+) \\w+ are given away|multiplied by (\\d+)|into (\\d+) equal groups");

    static long solve(String text) {
        long v = 0;
        Matcher m = SENTENCE.matcher(text);
        List<Integer> groups = List.of(1, 2, 3, 4, 5);
        while (m.find()) {
            for (int g : groups) {
                if (m.group(g) != null) {
                    long n = Long.parseLong(m.group(g));
                    v = switch (g) {
                        case 1 -> n;
                        case 2 -> v + n;
                        case 3 -> v - n;
                        case 4 -> v * n;
                        default -> v / n;
                    };
                }
            }
        }
        return v;
    }
}
