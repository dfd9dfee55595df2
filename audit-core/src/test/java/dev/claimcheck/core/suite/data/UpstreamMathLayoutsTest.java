package dev.claimcheck.core.suite.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest.DatasetFields;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's math benchmarks load from files in their publishers' layouts (docs/datasets.md), written here as
 * fixtures of our own: MathArena's Hugging Face parquet ({@code data/train-00000-of-00001.parquet}) and
 * IMO-AnswerBench's CSV (google-deepmind/superhuman {@code imobench/answerbench_v2.csv}).
 */
class UpstreamMathLayoutsTest {
    @TempDir
    Path dir;

    /** MathArena/aime_2026: problem_idx int64, answer int64, problem string (its dataset card's feature order). */
    Path aime() throws Exception {
        return ParquetFixture.write(dir.resolve("train-00000-of-00001.parquet"), """
                SELECT * FROM (VALUES
                  (1::BIGINT, 70::BIGINT, 'Find the sum of all integer bases $b>9$ for which $17_b$ divides $97_b$.'),
                  (2::BIGINT, 5::BIGINT, 'Compute $2+3$.')
                ) t(problem_idx, answer, problem)""");
    }

    @Test
    void matharenaAimeParquetLoadsWithItsIntegerAnswersAndTheFilesOwnHash() throws Exception {
        Path file = aime();
        Dataset d = DatasetLoader.load(file, Map.of());
        assertThat(d.fields()).isEqualTo(new DatasetFields("problem_idx", "problem", "answer"));
        assertThat(d.rows()).extracting(DatasetRow::id).containsExactly("1", "2");
        assertThat(d.rows().get(0).answer()).isEqualTo("70");
        assertThat(d.rows().get(0).problem()).startsWith("Find the sum of all integer bases $b>9$");
        assertThat(d.rows().get(1).line()).isEqualTo(2);
        assertThat(d.sha256()).isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(file)));
        assertThat(d.name()).isEqualTo("train-00000-of-00001");
    }

    @Test
    void matharenaHmmtParquetWithLatexAnswersAndAProblemTypeListLoads() throws Exception {
        Path file = ParquetFixture.write(dir.resolve("hmmt.parquet"), """
                SELECT * FROM (VALUES
                  (1::BIGINT, 'Compute $\\sqrt{4}$.', '2', ['Algebra']),
                  (2::BIGINT, 'Find $x$ with $2x = 1$.', '\\frac{1}{2}', ['Algebra', 'Number Theory'])
                ) t(problem_idx, problem, answer, problem_type)""");
        Dataset d = DatasetLoader.load(file, Map.of());
        assertThat(d.rows()).extracting(DatasetRow::answer).containsExactly("2", "\\frac{1}{2}");
        assertThat(d.rows().get(0).problem()).isEqualTo("Compute $\\sqrt{4}$.");
    }

    @Test
    void aParquetAnswerColumnOfTheWrongTypeIsNamedBeforeAnyRowIsRead() throws Exception {
        Path file = ParquetFixture.write(dir.resolve("lists.parquet"),
                "SELECT 1::BIGINT AS problem_idx, 'Q' AS problem, ['1', '2'] AS answer");
        assertThatThrownBy(() -> DatasetLoader.load(file, Map.of())).isInstanceOf(BadInputException.class)
                .hasMessage("lists.parquet: column 'answer' is VARCHAR[], expected text or an integer or a real number");
    }

    @Test
    void aParquetFileWithoutAProblemColumnListsItsColumns() throws Exception {
        Path file = ParquetFixture.write(dir.resolve("noproblem.parquet"), "SELECT 1::BIGINT AS problem_idx, '2' AS answer");
        assertThatThrownBy(() -> DatasetLoader.load(file, Map.of())).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("noproblem.parquet: no problem field (looked for problem, question, prompt;"
                        + " fields: problem_idx, answer)");
    }

    @Test
    void aParquetRowWithAnEmptyProblemIsNamedByItsRow() throws Exception {
        Path file = ParquetFixture.write(dir.resolve("empty.parquet"), """
                SELECT * FROM (VALUES (1::BIGINT, 'Q', '1'), (2::BIGINT, '  ', '2')) t(problem_idx, problem, answer)""");
        assertThatThrownBy(() -> DatasetLoader.load(file, Map.of())).isInstanceOf(BadInputException.class)
                .hasMessage("empty.parquet:2: empty problem");
    }

    @Test
    void aJsonFileNamedParquetIsRefusedAsNotParquet() throws Exception {
        Path file = Files.writeString(dir.resolve("aime.parquet"), "{\"problem_idx\": 1}\n");
        assertThatThrownBy(() -> DatasetLoader.load(file, Map.of())).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("aime.parquet: not a parquet file");
    }

    @Test
    void imoAnswerBenchCsvLoadsWithItsOwnColumnNames() throws Exception {
        Path file = dir.resolve("answerbench_v2.csv");
        Files.writeString(file, """
                Problem ID,Problem,Short Answer,Category,Subcategory,Source
                imo-bench-algebra-001,"Find all $n$ with $n^2 = 9$ and $n > 0$.
                ",3,Algebra,Equation,Our own
                imo-bench-combinatorics-002,"Find the set of all $r$.",\"$(-\\infty,-4)\\cup (-4,-\\frac{8}{3})$\",Combinatorics,Other,Our own
                """, StandardCharsets.UTF_8);
        Dataset d = DatasetLoader.load(file, Map.of());
        assertThat(d.fields()).isEqualTo(new DatasetFields("Problem ID", "Problem", "Short Answer"));
        assertThat(d.rows()).extracting(DatasetRow::id).containsExactly("imo-bench-algebra-001", "imo-bench-combinatorics-002");
        assertThat(d.rows().get(0).problem()).isEqualTo("Find all $n$ with $n^2 = 9$ and $n > 0$.\n");
        assertThat(d.rows().get(1).answer()).isEqualTo("$(-\\infty,-4)\\cup (-4,-\\frac{8}{3})$");
        assertThat(d.rows().get(1).line()).isEqualTo(4);
    }

    Path matharenaFolder() throws Exception {
        Path folder = dir.resolve("hmmt_feb_2025");
        Files.createDirectories(folder.resolve("problems"));
        Files.writeString(folder.resolve("answers.csv"), "id,answer\n1,8\n2,\\frac{1}{2}\n");
        Files.writeString(folder.resolve("problems/1.tex"), "Compute the sum of the odd positive divisors of $15$ minus $16$.\n");
        Files.writeString(folder.resolve("problems/2.tex"), "Find $x$ with $2x = 1$.\n");
        return folder;
    }

    @Test
    void matharenasOlderFolderLayoutLoadsAnswersCsvWithEachProblemsTexFile() throws Exception {
        Dataset d = DatasetLoader.load(matharenaFolder(), Map.of());
        assertThat(d.fields()).isEqualTo(new DatasetFields("id", "problem", "answer"));
        assertThat(d.rows()).extracting(DatasetRow::id).containsExactly("1", "2");
        assertThat(d.rows().get(1).problem()).isEqualTo("Find $x$ with $2x = 1$.\n");
        assertThat(d.rows().get(1).answer()).isEqualTo("\\frac{1}{2}");
        assertThat(d.name()).isEqualTo("hmmt_feb_2025");
        assertThat(d.fileName()).isEqualTo("hmmt_feb_2025");
    }

    @Test
    void theFolderHashCoversEveryFileReadSoEditingAProblemChangesIt() throws Exception {
        Path folder = matharenaFolder();
        String before = DatasetLoader.load(folder, Map.of()).sha256();
        assertThat(DatasetLoader.load(folder, Map.of()).sha256()).isEqualTo(before);
        Files.writeString(folder.resolve("problems/2.tex"), "Find $x$ with $2x = 3$.\n");
        assertThat(DatasetLoader.load(folder, Map.of()).sha256()).isNotEqualTo(before);
    }

    @Test
    void aFolderIdWithoutItsTexFileIsNamedWithItsLine() throws Exception {
        Path folder = matharenaFolder();
        Files.delete(folder.resolve("problems/2.tex"));
        assertThatThrownBy(() -> DatasetLoader.load(folder, Map.of())).isInstanceOf(BadInputException.class)
                .hasMessage("hmmt_feb_2025/answers.csv:3: no problems/2.tex for id 2");
    }

    @Test
    void aFolderIdThatCannotNameAFileIsRefused() throws Exception {
        Path folder = matharenaFolder();
        Files.writeString(folder.resolve("answers.csv"), "id,answer\n../x,1\n");
        assertThatThrownBy(() -> DatasetLoader.load(folder, Map.of())).isInstanceOf(BadInputException.class)
                .hasMessage("hmmt_feb_2025/answers.csv:2: id '../x' cannot name a file problems/<id>.tex");
    }

    @Test
    void aFolderWithoutAnswersCsvSaysWhatLayoutIsRead() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> DatasetLoader.load(empty, Map.of())).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("empty: a folder without answers.csv (MathArena's layout:");
    }
}
