package dev.claimcheck.core.suite.mrcr;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.Regrade;
import dev.claimcheck.core.grade.mrcr.MrcrExpected;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.suite.data.ParquetFixture;
import dev.claimcheck.core.suite.longctx.LongctxFigures;
import dev.claimcheck.core.suite.longctx.MrcrBin;
import dev.claimcheck.core.suite.longctx.MrcrMetrics;
import dev.claimcheck.core.tokens.Tokenizer;
import dev.claimcheck.core.verify.RecordedAnswerRegrader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MRCR from parquet in the published layout, end to end against the simulator over loopback HTTP, re-graded as verify does. */
class MrcrSuiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    final MrcrSuite suite = new MrcrSuite();

    SuiteContext context(Path dataset, String... bins) {
        MrcrOptions o = new MrcrOptions();
        o.dataset = dataset;
        o.tokenizer = "o200k_base";
        o.bins = bins.length == 0 ? null : List.of(bins);
        return new SuiteContext(0, o, root);
    }

    @Test
    void theFixtureLoadsAndEachConversationIsSentAsPublished() throws Exception {
        Path file = MrcrParquet.fixture(root);
        SuiteContext c = context(file);
        List<Task> tasks = suite.tasks(c);
        List<String> lines = Files.readAllLines(MrcrParquet.FIXTURE);
        assertThat(tasks).extracting(Task::id).containsExactly("mrcr-2n-out-r1", "mrcr-2n-out-r2", "mrcr-4n-out-r3", "mrcr-8n-out-r4");
        Tokenizer o200k = Tokenizer.named("o200k_base");
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode row = JSON.readTree(lines.get(i));
            List<ChatMessage> sent = suite.messages(tasks.get(i), c);
            JsonNode published = JSON.readTree(row.get("prompt").asText());
            assertThat(sent).hasSize(published.size());
            long tokens = 0;
            for (int m = 0; m < sent.size(); m++) {
                assertThat(sent.get(m).role()).isEqualTo(published.get(m).get("role").asText());
                assertThat(sent.get(m).content()).isEqualTo(published.get(m).get("content").asText());
                tokens += o200k.count(sent.get(m).content());
            }
            assertThat(tasks.get(i).meta()).containsEntry("targetTokens", Long.toString(tokens))
                    .containsEntry("needles", row.get("n_needles").asText());
            MrcrExpected e = MrcrExpected.parse(tasks.get(i).expected()).orElseThrow();
            assertThat(e.prepend()).isEqualTo(row.get("random_string_to_prepend").asText());
            assertThat(e.answer()).isEqualTo(row.get("answer").asText());
            // The simulator's two replies: the answer verbatim (ratio 1) and the answer without its string (0).
            var entry = (OracleEntry.VerbatimReply) suite.oracleEntry(tasks.get(i), c).orElseThrow();
            assertThat(suite.grade(tasks.get(i), entry.correct()).score()).isEqualTo(1.0);
            assertThat(suite.grade(tasks.get(i), entry.wrong()).score()).isZero();
        }
        assertThat(suite.dataset(c).sha256()).isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(file)));
        assertThat(suite.dataset(c).rows()).isEqualTo(4);
    }

    @Test
    void eachRowFallsInTheBinOfItsPromptAndAnswerTokens() throws Exception {
        Path file = MrcrParquet.write(root.resolve("binned.parquet"),
                List.of(MrcrParquet.row(2, 1, "AbCdEfGhIj", 2600, 1), MrcrParquet.row(2, 2, "KlMnOpQrSt", 5200, 2)));
        List<Task> tasks = suite.tasks(context(file));
        Tokenizer o200k = Tokenizer.named("o200k_base");
        for (Task t : tasks) {
            long prompt = Long.parseLong(t.meta().get("targetTokens"));
            long answer = o200k.count(MrcrExpected.parse(t.expected()).orElseThrow().answer());
            assertThat(t.meta().get("bin")).isEqualTo(MrcrBin.of(prompt + answer).orElseThrow().label);
        }
        assertThat(tasks).extracting(t -> t.meta().get("bin")).containsExactly("8k", "16k");
        assertThat(suite.tasks(context(file, "16k"))).extracting(Task::id).containsExactly("mrcr-2n-16k-r2");
        assertThatThrownBy(() -> suite.tasks(context(file, "20k"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--bins: '20k' is not a bin");
        assertThatThrownBy(() -> suite.tasks(context(file, "1m"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no row in --bins 1m");
    }

    @Test
    void aSimulatorAuditRecoversItsKnownScoreByNeedlesAndBin() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        int n = 0;
        for (int needles : new int[] {2, 4, 8}) {
            for (int i = 0; i < 8; i++, n++) {
                // Half the rows in 8k, half in 16k: filler words per distractor reply scale with the needle count.
                int words = (i % 2 == 0 ? 5200 : 10400) / needles;
                rows.add(MrcrParquet.row(needles, 1 + i % needles, "R" + n + "x" + "QwErTyUiOp".substring(0, 6), words, n));
            }
        }
        Path file = MrcrParquet.write(root.resolve("8needle_0.parquet"), rows);
        var r = audit("mrcr", "--dataset", file.toString(), "--base-url", "sim:accuracy=0.7", "--k", "2", "--seed", "5",
                "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.workload()).isEqualTo(Workload.LONGCTX);
        assertThat(m.suite().id()).isEqualTo("mrcr");
        Metrics x = m.metrics();
        assertThat(x.tasks()).isEqualTo(24);
        assertThat(x.ci95Low()).isLessThanOrEqualTo(0.7);
        assertThat(x.ci95High()).isGreaterThanOrEqualTo(0.7);
        MrcrMetrics mrcr = x.get(LongctxFigures.MRCR);
        assertThat(mrcr.byNeedles()).extracting(MrcrMetrics.Needles::needles).containsExactly(2, 4, 8);
        assertThat(mrcr.byBin()).extracting(MrcrMetrics.Bin::bin).containsExactly("8k", "16k");
        assertThat(mrcr.byBin()).allSatisfy(b -> assertThat(b.promptTokens().mean()).isGreaterThan(4096));
        assertThat(x.get(LongctxFigures.CELLS)).isNull();
        assertThat(r.out()).contains("mrcr.needles.2", "mrcr.bin.16k");
        assertThat(Files.readString(r.runDir().resolve("summary.csv"))).contains("mrcr.needles.8,", "mrcr.bin.8k.promptTokens,");
        assertThat(m.suite().options()).containsEntry("--dataset", "8needle_0.parquet");

        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(samples).hasSize(48);
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.messages()).as("prompts are kept as their hash only").isNullOrEmpty();
            assertThat(s.verdict().score()).isIn(0.0, 1.0);
        });
        assertThat(new RecordedAnswerRegrader().regrade(m, samples, root)).isEmpty();
        assertThat(samples).allSatisfy(s -> assertThat(Regrade.of(s)).isEqualTo(s.verdict()));
        assertThat(RunMetrics.of(samples, SuiteRegistry.figures(Workload.LONGCTX))).isEqualTo(x);
    }

    /**
     * Calibration: across eight fixed seeds (k 2, 16 short rows) the 95% interval of the mean ratio holds the
     * simulator's scripted 0.7 at least seven times, and the mean of the eight scores is within 0.05 of it.
     */
    @Test
    void theKnownScoreIsWithinTheIntervalAcrossSeeds() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            rows.add(MrcrParquet.row(2 << (i % 3), 1, "Pq" + i + "ZxCvBn", 20, 100 + i));
        }
        Path file = MrcrParquet.write(root.resolve("short.parquet"), rows);
        int covered = 0;
        double sum = 0;
        java.util.Set<Double> scores = new java.util.HashSet<>();
        for (int seed = 1; seed <= 8; seed++) {
            var r = audit("mrcr", "--dataset", file.toString(), "--base-url", "sim:accuracy=0.7", "--k", "2",
                    "--seed", Integer.toString(seed), "--root", root.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            Metrics x = r.manifest().metrics();
            covered += x.ci95Low() <= 0.7 && 0.7 <= x.ci95High() ? 1 : 0;
            sum += x.score();
            scores.add(x.score());
        }
        assertThat(scores).as("each seed draws anew").hasSizeGreaterThan(1);
        assertThat(covered).isGreaterThanOrEqualTo(7);
        assertThat(sum / 8).isCloseTo(0.7, org.assertj.core.api.Assertions.within(0.05));
    }

    @Test
    void aFileWithoutAPublishedColumnIsRefusedNamingIt() throws Exception {
        Path file = ParquetFixture.write(root.resolve("bad.parquet"), "SELECT '[]' AS prompt, 'x' AS answer, 2::BIGINT AS n_needles");
        assertThatThrownBy(() -> suite.tasks(context(file))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("bad.parquet: no column 'random_string_to_prepend'");
    }

    @Test
    void aPromptThatIsNotAConversationIsRefusedNamingItsRow() throws Exception {
        JsonNode good = MrcrParquet.row(2, 1, "AbCdEfGhIj", 10, 1);
        var bad = ((com.fasterxml.jackson.databind.node.ObjectNode) good.deepCopy()).put("prompt", "{\"role\": \"user\"}");
        Path file = MrcrParquet.write(root.resolve("bad.parquet"), List.of(good, bad));
        assertThatThrownBy(() -> suite.tasks(context(file))).isInstanceOf(BadInputException.class)
                .hasMessage("bad.parquet: row 2: prompt must be a non-empty JSON array of messages");
    }
}
