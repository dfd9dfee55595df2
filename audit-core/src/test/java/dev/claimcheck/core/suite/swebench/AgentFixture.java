package dev.claimcheck.core.suite.swebench;

import static dev.claimcheck.core.suite.data.ParquetFixture.text;

import dev.claimcheck.core.suite.data.ParquetFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A user's checkout and a one-instance dataset for the agent loop: {@code repos/acme__calc}, a git repository made
 * from the fixture files (src/test/resources/suites/swebench/repository: calc.py whose add subtracts), and
 * {@code acme__calc-1} in the published parquet layout, with the reference patch (gold.diff), the test patch adding
 * test_add (test.diff), FAIL_TO_PASS test_add and PASS_TO_PASS test_mul, at the checkout's commit.
 */
final class AgentFixture {
    static final Path FIXTURE = Path.of("src/test/resources/suites/swebench");
    static final String INSTANCE = "acme__calc-1";

    final Path repos;
    final Path checkout;
    final String baseCommit;
    final Path dataset;

    private AgentFixture(Path repos, Path checkout, String baseCommit, Path dataset) {
        this.repos = repos;
        this.checkout = checkout;
        this.baseCommit = baseCommit;
        this.dataset = dataset;
    }

    static AgentFixture create(Path dir) throws Exception {
        Path repos = Files.createDirectories(dir.resolve("repos"));
        Path checkout = Files.createDirectories(repos.resolve("acme__calc"));
        for (String f : List.of("calc.py", "test_calc.py")) {
            Files.copy(FIXTURE.resolve("repository").resolve(f), checkout.resolve(f));
        }
        git(checkout, "init", "-q");
        git(checkout, "add", "-A");
        git(checkout, "-c", "user.name=fixture", "-c", "user.email=fixture@localhost", "commit", "-q", "-m", "calc");
        String commit = git(checkout, "rev-parse", "HEAD").strip();
        Path dataset = ParquetFixture.write(dir.resolve("test-00000-of-00001.parquet"), "SELECT " + String.join(", ", List.of(
                text("acme/calc") + " AS repo", text(INSTANCE) + " AS instance_id", text(commit) + " AS base_commit",
                text(read("gold.diff")) + " AS patch", text(read("test.diff")) + " AS test_patch",
                text("calc.add(2, 3) returns -1: add subtracts instead of adding.") + " AS problem_statement",
                text("") + " AS hints_text", text("2024-01-01T00:00:00Z") + " AS created_at", text("1.0") + " AS version",
                text("[\"test_calc.py::test_add\"]") + " AS FAIL_TO_PASS", text("[\"test_calc.py::test_mul\"]") + " AS PASS_TO_PASS",
                text(commit) + " AS environment_setup_commit")));
        return new AgentFixture(repos, checkout, commit, dataset);
    }

    static String read(String name) throws IOException {
        return Files.readString(FIXTURE.resolve(name));
    }

    /** git in the checkout, as the user would run it; returns stdout, fails on a non-zero exit. */
    static String git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + ": " + out);
        }
        return out;
    }
}
