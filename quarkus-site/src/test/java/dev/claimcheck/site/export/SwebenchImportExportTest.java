package dev.claimcheck.site.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.cli.SwebenchCommand;
import dev.claimcheck.core.store.Root;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An imported SWE-bench submission (audit-core's fixture submission, in the harness's layout) written as a run folder
 * by {@code swebench import --root} reaches the site: its run page lists the re-scored and claimed counts, and the
 * leaderboard's JSON has a swebench row that is not simulated.
 */
class SwebenchImportExportTest {
    static final Path SUBMISSION = Path.of("../audit-core/src/test/resources/suites/swebench/submission");

    @TempDir
    Path tmp;

    /** Three made-up instances in the published parquet layout, those the fixture submission predicts. */
    static Path dataset(Path file) throws Exception {
        List<String> rows = List.of(
                row("pallets__flask-9001", "pallets/flask", "[\"tests/test_cli.py::test_find_app\"]",
                        "[\"tests/test_cli.py::test_run\", \"tests/test_cli.py::test_help\"]"),
                row("pallets__flask-9002", "pallets/flask", "[\"tests/test_app.py::test_empty_rule\"]", "[\"tests/test_app.py::test_index\"]"),
                row("django__django-9003", "django/django", "[\"test_strip (utils_tests.test_text.TestUtilsText)\"]", "[]"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (" + String.join(" UNION ALL ", rows) + ") TO '" + file.toAbsolutePath() + "' (FORMAT parquet)");
        }
        return file;
    }

    static String row(String id, String repo, String f2p, String p2p) {
        return "SELECT '" + repo + "' AS repo, '" + id + "' AS instance_id, '" + "0".repeat(40) + "' AS base_commit, "
                + "'diff' AS patch, 'diff' AS test_patch, 'An issue.' AS problem_statement, '' AS hints_text, "
                + "'2023-01-01' AS created_at, '1.0' AS version, '" + f2p.replace("'", "''") + "' AS FAIL_TO_PASS, '"
                + p2p.replace("'", "''") + "' AS PASS_TO_PASS, '" + "1".repeat(40) + "' AS environment_setup_commit";
    }

    @Test
    void anImportedSubmissionIsARunOfTheSiteLabelledAsImported() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path data = dataset(root.resolve("test-00000-of-00001.parquet"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Cli.execute(new SwebenchCommand(o, ""), new PrintWriter(o, true), "import", "--dataset", data.toString(),
                "--submission", SUBMISSION.toString(), "--root", root.toString(), "--model", "fixture-org/fixture-model");
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();

        Path site = tmp.resolve("site");
        StaticExporter.Result r = StaticExporter.export(new Root(root), site);

        assertThat(r.runs()).isEqualTo(1);
        String page;
        try (Stream<Path> pages = Files.list(site.resolve("runs"))) {
            page = Files.readString(pages.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow());
        }
        assertThat(page).contains("swebench.imported", "swebench.claimedResolved", "swebench.disagreements", "imported:submission");
        String board = Files.readString(site.resolve("api/leaderboard.json"));
        assertThat(board).contains("\"workload\":\"swebench\"").doesNotContain("\"simulated\":true");
    }
}
