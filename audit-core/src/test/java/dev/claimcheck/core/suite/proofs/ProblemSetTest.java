package dev.claimcheck.core.suite.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A problem set in MathArena's layout: grading_scheme.json and problems/<id>.tex, every file hashed. */
class ProblemSetTest {
    static final Path SET = Path.of("src/test/resources/suites/proofs/set");

    @TempDir
    Path dir;

    @Test
    void theFixtureReadsWithItsSchemesAndHashes() {
        ProblemSet set = ProblemSet.read(SET);
        assertThat(set.problems()).extracting(ProofProblem::id).containsExactly("1", "2", "3");
        ProofProblem two = set.problem("2");
        assertThat(two.maxPoints()).isEqualTo(7);
        assertThat(two.scheme()).extracting(ProofProblem.Step::title).containsExactly("Part (a)", "Part (b)");
        assertThat(two.statement()).contains("perfect square");
        assertThat(two.statementHash().name()).isEqualTo("problems/2.tex");
        assertThat(set.sha256()).matches("sha256:[0-9a-f]{64}");
        // The scheme file itself is accepted too; the statements are beside it.
        assertThat(ProblemSet.read(SET.resolve("grading_scheme.json")).sha256()).isEqualTo(set.sha256());
    }

    @Test
    void invalidJsonNamesItsLine() throws Exception {
        Files.writeString(dir.resolve("grading_scheme.json"), "[\n  {\"id\": \"1\",\n  \"points\": }\n]");
        assertThatThrownBy(() -> ProblemSet.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("grading_scheme.json:3: not valid JSON");
    }

    @Test
    void stepsThatDoNotSumToThePointsAreRefused() throws Exception {
        write("[{\"id\": \"1\", \"points\": 7, \"scheme\": [{\"points\": 3, \"title\": \"a\", \"desc\": \"\"}]}]", "1");
        assertThatThrownBy(() -> ProblemSet.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("problem 1 (1): scheme steps sum to 3.0, the problem is worth 7.0");
    }

    @Test
    void aMissingStatementIsNamed() throws Exception {
        write("[{\"id\": \"4\", \"points\": 7, \"scheme\": [{\"points\": 7, \"title\": \"all\", \"desc\": \"\"}]}]", "1");
        assertThatThrownBy(() -> ProblemSet.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("problems/4.tex: no such file");
    }

    @Test
    void anIdThatIsNotAFileNameIsRefused() throws Exception {
        write("[{\"id\": \"../x\", \"points\": 7, \"scheme\": []}]", "1");
        assertThatThrownBy(() -> ProblemSet.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("problem 1: id '../x' is not a plain file name");
    }

    private void write(String scheme, String statementId) throws Exception {
        Files.writeString(dir.resolve("grading_scheme.json"), scheme);
        Files.createDirectories(dir.resolve("problems"));
        Files.writeString(dir.resolve("problems/" + statementId + ".tex"), "Prove it.");
    }
}
