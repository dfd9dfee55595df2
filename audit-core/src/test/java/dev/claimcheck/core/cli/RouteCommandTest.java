package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.store.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code route} on two runs of the real audit engine against the simulator over loopback HTTP, with known accuracy
 * profiles (instant 0.6, thinking 0.9, independent draws from separate simulator seeds, fixed so the test is
 * deterministic): the measured strategies match the closed-form cascade within their 95% intervals.
 */
class RouteCommandTest {
    static final double A = 0.6;
    static final double B = 0.9;

    @TempDir
    static Path root;

    static Path instant;
    static Path thinking;

    @BeforeAll
    static void twoLanesOnTheSameTasks() {
        instant = AuditRunner.audit("arith", "--problems", "300", "--seed", "0", "--lane", "instant",
                "--base-url", "sim:accuracy=" + A + ",seed=11", "--root", root.toString()).runDir();
        thinking = AuditRunner.audit("arith", "--problems", "300", "--seed", "0", "--lane", "thinking",
                "--base-url", "sim:accuracy=" + B + ",seed=22", "--root", root.toString()).runDir();
    }

    record Result(int code, String out, String err) {
    }

    static Result route(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(new RouteCommand(new PrintStream(out, true, StandardCharsets.UTF_8)),
                new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static JsonNode row(JsonNode report, String strategy, Long budget) {
        for (JsonNode r : report.path("rows")) {
            if (r.path("strategy").asText().equals(strategy)
                    && (budget == null ? r.path("budget").isNull() : r.path("budget").asLong() == budget)) {
                return r;
            }
        }
        throw new AssertionError("no row " + strategy + " " + budget);
    }

    static void within(JsonNode interval, double expected) {
        assertThat(expected).as("closed form vs measured %s", interval)
                .isBetween(interval.path("low").asDouble(), interval.path("high").asDouble());
    }

    @Test
    void simulatedLanesReproduceTheClosedFormCascade() throws Exception {
        Path out = root.resolve("route.json");
        Result r = route("--instant", instant.toString(), "--thinking", thinking.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = Json.mapper().readTree(out.toFile());
        assertThat(report.path("simulated").asBoolean()).isTrue();
        assertThat(report.path("tasks").asInt()).isEqualTo(300);

        JsonNode io = row(report, "instant-only", null);
        JsonNode to = row(report, "thinking-only", null);
        within(io.path("accuracy"), A);
        within(to.path("accuracy"), B);
        // Escalating exactly the wrong instant answers: a + (1 − a)·b, paying the thinking tokens on (1 − a).
        JsonNode oracle = row(report, "oracle", null);
        within(oracle.path("accuracy"), A + (1 - A) * B);
        double ti = io.path("tokens").path("estimate").asDouble();
        double tt = to.path("tokens").path("estimate").asDouble();
        within(oracle.path("tokens"), ti + (1 - A) * tt);
        within(oracle.path("escalated").isNumber() ? interval(oracle.path("escalated").asDouble()) : null, 1 - A);
        // Budget 0 escalates every attempt: the thinking accuracy, paying both lanes' tokens.
        JsonNode all = row(report, "escalate-over-budget", 0L);
        within(all.path("accuracy"), B);
        assertThat(all.path("tokens").path("estimate").asDouble()).isCloseTo(ti + tt, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(io.path("latencyMs").path("estimate").isNumber()).as("timings are recorded").isTrue();
        // Escalating a share e of instant answers, chosen independently of correctness: a + e·(b − a).
        JsonNode unparsed = row(report, "escalate-on-unparsed", null);
        double e = unparsed.path("escalated").asDouble();
        within(unparsed.path("accuracy"), A + e * (B - A));
        // k = 1: the instant model cannot disagree with itself, so nothing is escalated.
        JsonNode disagreement = row(report, "escalate-on-disagreement", null);
        assertThat(disagreement.path("escalated").asDouble()).isZero();
        assertThat(disagreement.path("accuracy").path("estimate").asDouble()).isEqualTo(io.path("accuracy").path("estimate").asDouble());

        Path csv = root.resolve("route.csv");
        assertThat(Files.readAllLines(csv).get(0)).startsWith("strategy,budget,accuracy,accuracy_ci_low");
        assertThat(Files.readAllLines(csv)).anyMatch(l -> l.startsWith("oracle,,"));
    }

    /** The oracle's escalation rate is the observed instant error rate; allow its binomial 95% band. */
    static JsonNode interval(double rate) {
        double half = 1.96 * Math.sqrt(A * (1 - A) / 300);
        return Json.mapper().createObjectNode().put("low", rate - half).put("high", rate + half);
    }

    @Test
    void namingTheCsvWritesTheJsonBesideIt() {
        Path csv = root.resolve("other/route.csv");
        csv.getParent().toFile().mkdirs();
        Result r = route("--instant", instant.toString(), "--thinking", thinking.toString(), "--out", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(csv).content().startsWith("strategy,budget,");
        assertThat(root.resolve("other/route.json")).content().contains("\"rows\"");
    }

    @Test
    void theTablePrintsEveryStrategyAndLabelsTheRunsSimulated() {
        Result r = route("--instant", instant.toString(), "--thinking", thinking.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("[SIMULATED] routing · suite arith")
                .contains("instant-only", "thinking-only", "oracle", "escalate-on-unparsed", "escalate-on-disagreement",
                        "escalate-over-budget");
    }

    @Test
    void runsOnDifferentTasksAreOneClearError() {
        Path other = AuditRunner.audit("arith", "--problems", "299", "--seed", "0", "--lane", "thinking",
                "--base-url", "sim:accuracy=0.9,seed=22", "--root", root.toString()).runDir();
        Result r = route("--instant", instant.toString(), "--thinking", other.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("route: the runs are on different data").doesNotContain("\n");
    }

    @Test
    void aFolderWithoutRunJsonIsBadInput() {
        Result r = route("--instant", root.toString(), "--thinking", thinking.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is not a run folder");
    }
}
