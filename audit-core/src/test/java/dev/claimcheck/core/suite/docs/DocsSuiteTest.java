package dev.claimcheck.core.suite.docs;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.verify.GeneratedSuiteRegrader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsSuiteTest {
    @TempDir
    Path root;

    final DocsSuite suite = new DocsSuite();

    SuiteContext context(long seed) {
        DocsOptions o = new DocsOptions();
        o.documents = List.of("contract", "disclosure", "ticket", "policy");
        o.tasks = List.of("extract", "comply", "kbqa");
        o.perKind = 4;
        return new SuiteContext(seed, o, root);
    }

    @Test
    void theOraclesRightAnswerIsGroundedAndItsWrongOneIsNotForEveryTask() {
        SuiteContext c = context(3);
        List<Task> tasks = suite.tasks(c);
        assertThat(tasks).hasSize(48);
        for (Task t : tasks) {
            var entry = (OracleEntry.PlainAnswer) suite.oracleEntry(t, c).orElseThrow();
            assertThat(suite.grade(t, entry.correct()).correct()).as(t.id() + " " + entry.correct()).isTrue();
            assertThat(suite.grade(t, entry.wrong()).correct()).as(t.id() + " " + entry.wrong()).isFalse();
            // The planted facts are in the document the model sees.
            String doc = DocsSuite.document(t);
            assertThat(doc).isNotBlank();
        }
        assertThat(suite.tasks(context(3))).isEqualTo(tasks);
        assertThat(suite.tasks(context(4))).isNotEqualTo(tasks);
    }

    @Test
    void aSimulatorRunReportsGroundedAccuracyFieldAccuracyAndCitationPrecision() throws Exception {
        var r = audit("docs", "--base-url", "sim:accuracy=0.8", "--per-kind", "10", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Metrics m = r.manifest().metrics();
        assertThat(m.tasks()).isEqualTo(120);
        assertThat(m.score()).isBetween(m.ci95Low(), m.ci95High());
        assertThat(0.8).isBetween(m.ci95Low(), m.ci95High());
        DocsMetrics d = m.get(DocsFigures.BLOCK);
        assertThat(d.byKind()).containsOnlyKeys("comply", "extract", "kbqa");
        assertThat(d.byDocument()).containsOnlyKeys("contract", "disclosure", "policy", "ticket");
        // Wrong draws on cited tasks fabricate the citation half of the time: precision is below 1, above 0.8.
        assertThat(d.citationPrecision().value()).isBetween(0.8, 0.999);
        assertThat(d.fieldAccuracy().value()).isGreaterThanOrEqualTo(m.score());
        assertThat(r.out()).contains("grounded accuracy (95% CI)", "docs.fieldAccuracy", "docs.citationPrecision");
        JsonNode json = Json.mapper().readTree(Files.readString(r.runDir().resolve("run.json")));
        assertThat(json.at("/metrics/docs/citationPrecision/value").isNumber()).isTrue();
        assertThat(json.at("/metrics/cells").isMissingNode()).isTrue();
        assertThat(Files.readString(r.runDir().resolve("summary.csv"))).contains("docs.citationPrecision,");

        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(samples).allSatisfy(s -> assertThat(s.messages()).isNull());
        assertThat(new GeneratedSuiteRegrader().regrade(r.manifest(), samples, root)).isEmpty();
        assertThat(m.score()).isCloseTo(samples.stream().mapToDouble(s -> s.verdict().score()).average().orElseThrow(),
                within(1e-12));
    }

    /** Pinned: the dataset hash covers every prompt and expected answer, so any change to the generator shows here. */
    @Test
    void theSameSeedGivesByteIdenticalDocuments() {
        String sha = suite.prepare(context(0)).dataset().sha256();
        assertThat(suite.prepare(context(0)).dataset().sha256()).isEqualTo(sha);
        assertThat(sha).isEqualTo("84288824b5c40e6fe4cd9f6af595d43d13d65087eb3a76f7e6ca2b6f5cdf4b62");
    }

    @Test
    void anUnknownKindIsOneClearLine() {
        var r = audit("docs", "--base-url", "sim", "--documents", "memo", "--root", root.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--documents: unknown document kind 'memo'");
    }
}
