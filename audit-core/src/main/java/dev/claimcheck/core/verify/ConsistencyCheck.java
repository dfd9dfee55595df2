package dev.claimcheck.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.model.ModelSlug;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunIds;
import dev.claimcheck.core.store.SummaryCsv;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.verify.Finding.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fields of one signed run that must agree with each other (docs/verification.md, "consistency"). A trusted signature
 * says who vouches for the files, not that they are coherent: a signer can record a simulator run as real, a
 * model it did not query, a run id dated 2099, or a summary.csv that disagrees with run.json.
 */
final class ConsistencyCheck {
    /** Whole-second truncation of the run id and clock steps during a run; a merged shard run is stamped at finishedAt. */
    static final Duration RUN_ID_SLACK = Duration.ofSeconds(60);
    /** Clock skew between the machine that ran the audit and the verifier's. */
    static final Duration FUTURE_SLACK = Duration.ofMinutes(5);
    static final String SIM_ENGINE = Simulator.ENGINE;

    private ConsistencyCheck() {
    }

    /** The endpoint recorded is the simulator, whatever {@code simulated} says (null when it is not). */
    static String simulatorEvidence(RunManifest m) {
        RunManifest.EndpointRef e = m.endpoint();
        if (e == null) {
            return null;
        }
        String base = e.baseUrl() == null ? "" : e.baseUrl().strip();
        if (SimOptions.isSim(base)) {
            return "endpoint.baseUrl is '" + Findings.clip(base) + "'";
        }
        if (SIM_ENGINE.equals(e.engine())) {
            return "endpoint.engine is " + SIM_ENGINE;
        }
        if (e.serverInfo() != null && SIM_ENGINE.equals(e.serverInfo().path("version").path("engine").asText(null))) {
            return "endpoint.serverInfo names " + SIM_ENGINE;
        }
        if (e.simulator() != null) {
            return "endpoint has a simulator block";
        }
        return null;
    }

    /** The run.json-only cross-checks: model names, timestamps, summary.csv, the start and end fingerprints. */
    static void check(Path dir, RunManifest m, Instant now, List<Finding> findings) {
        models(m, findings);
        timestamps(m, now, findings);
        summary(dir, m, findings);
        FingerprintCheck.check(m, findings);
    }

    private static void models(RunManifest m, List<Finding> findings) {
        String id = m.model().id();
        String slug;
        try {
            slug = ModelSlug.of(id);
        } catch (IllegalArgumentException e) {
            findings.add(new Finding(Kind.MODEL_MISMATCH, "model.id " + Findings.clip(id) + ": " + Verifier.firstLine(e)));
            return;
        }
        if (!slug.equals(m.model().slug())) {
            findings.add(new Finding(Kind.MODEL_MISMATCH, "model.slug " + Findings.clip(m.model().slug()) + " is not the slug of model.id "
                    + Findings.clip(id) + " (" + slug + ")"));
        }
        JsonNode sent = m.request().template() == null ? null : m.request().template().get("model");
        if (sent == null || !sent.isTextual() || !sent.asText().equals(id)) {
            findings.add(new Finding(Kind.MODEL_MISMATCH, "request.template.model "
                    + (sent == null ? "is absent" : Findings.clip(sent.toString())) + " but model.id is " + Findings.clip(id)));
        }
    }

    /** Every sample must have asked for the model the run names. */
    static void samples(RunManifest m, List<Sample> samples, List<Finding> findings) {
        Findings.Collector out = new Findings.Collector();
        for (Sample s : samples) {
            JsonNode sent = s.request() == null ? null : s.request().get("model");
            if (sent == null || !sent.isTextual() || !sent.asText().equals(m.model().id())) {
                out.add(new Finding(Kind.MODEL_MISMATCH, "sample " + Findings.clip(s.taskId()) + "#" + s.attempt() + " asked for model "
                        + (sent == null ? "(none)" : Findings.clip(sent.toString())) + ", not model.id " + Findings.clip(m.model().id())));
            }
        }
        findings.addAll(out.list());
    }

    private static void timestamps(RunManifest m, Instant now, List<Finding> findings) {
        Instant stamped = RunIds.instant(m.runId()).orElse(null);
        if (stamped == null) {
            findings.add(new Finding(Kind.TIMESTAMP_INVALID, "run id " + Findings.clip(m.runId()) + " is not a real date and time"));
            return;
        }
        Instant started = instant(m.startedAt());
        Instant finished = m.finishedAt() == null ? null : instant(m.finishedAt());
        if (started == null || (m.finishedAt() != null && finished == null)) {
            findings.add(new Finding(Kind.TIMESTAMP_INVALID, "startedAt " + Findings.clip(m.startedAt()) + " / finishedAt "
                    + Findings.clip(m.finishedAt()) + " must be ISO-8601 instants"));
            return;
        }
        Instant latest = finished == null ? started : finished;
        if (finished != null && finished.isBefore(started)) {
            findings.add(new Finding(Kind.TIMESTAMP_INVALID, "finishedAt " + finished + " is before startedAt " + started));
        }
        if (stamped.isBefore(started.minus(RUN_ID_SLACK)) || stamped.isAfter(latest.plus(RUN_ID_SLACK))) {
            findings.add(new Finding(Kind.TIMESTAMP_INVALID, "run id time " + stamped + " is not within " + RUN_ID_SLACK.toSeconds()
                    + " s of the run (startedAt " + started + ", finishedAt " + finished + ")"));
        }
        Instant limit = now.plus(FUTURE_SLACK);
        for (Instant t : List.of(stamped, started, latest)) {
            if (t.isAfter(limit)) {
                findings.add(new Finding(Kind.TIMESTAMP_INVALID, t + " is in the future (verifier's clock " + now + ")"));
                break;
            }
        }
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** summary.csv is derived from run.json (store.SummaryCsv): it must be byte for byte what the writer makes of it. */
    private static void summary(Path dir, RunManifest m, List<Finding> findings) {
        if (m.metrics() == null) {
            return;
        }
        Path file = new RunFolder(dir).summaryCsv();
        try {
            String expected = SummaryCsv.render(m.metrics(), SuiteRegistry.figures(m.workload()), m.simulated());
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                findings.add(new Finding(Kind.SUMMARY_MISMATCH, "summary.csv is absent though run.json has metrics"));
                return;
            }
            String actual = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (!actual.equals(expected)) {
                List<String> want = expected.lines().toList();
                List<String> got = actual.lines().toList();
                int row = 0;
                while (row < Math.min(want.size(), got.size()) && want.get(row).equals(got.get(row))) {
                    row++;
                }
                findings.add(new Finding(Kind.SUMMARY_MISMATCH, "row " + (row + 1) + ": summary.csv has "
                        + Findings.clip(row < got.size() ? got.get(row) : "(end)") + ", run.json gives "
                        + Findings.clip(row < want.size() ? want.get(row) : "(end)")));
            }
        } catch (IOException | RuntimeException e) {
            findings.add(new Finding(Kind.SUMMARY_MISMATCH, "summary.csv cannot be compared: " + Verifier.firstLine(e)));
        }
    }
}
