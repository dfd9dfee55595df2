package dev.claimcheck.core.suite.swebench;

import static dev.claimcheck.core.suite.data.ParquetFixture.text;

import dev.claimcheck.core.suite.data.ParquetFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Four made-up SWE-bench Verified instances in the published parquet layout (FAIL_TO_PASS and PASS_TO_PASS as JSON
 * text), and a copy of the fixture submission (src/test/resources/suites/swebench/submission) in the harness's layout:
 * flask-9001 resolved, flask-9002 unresolved, django-9003 resolved (a django runner log),
 * flask-9004 not submitted.
 */
public final class SwebenchFixture {
    public static final Path SUBMISSION = Path.of("src/test/resources/suites/swebench/submission");
    public static final String LOGS = "logs/run_evaluation/fixture-run/fixture-model/";

    private SwebenchFixture() {
    }

    /** The dataset as {@code test-00000-of-00001.parquet} in {@code dir}. */
    public static Path dataset(Path dir) throws Exception {
        return ParquetFixture.write(dir.resolve("test-00000-of-00001.parquet"), String.join(" UNION ALL ",
                row("pallets__flask-9001", "pallets/flask", "[\"tests/test_cli.py::test_find_app\"]",
                        "[\"tests/test_cli.py::test_run\", \"tests/test_cli.py::test_help\"]"),
                row("pallets__flask-9002", "pallets/flask", "[\"tests/test_app.py::test_empty_rule\"]",
                        "[\"tests/test_app.py::test_index\"]"),
                row("django__django-9003", "django/django", "[\"test_strip (utils_tests.test_text.TestUtilsText)\"]", "[]"),
                row("pallets__flask-9004", "pallets/flask", "[\"tests/test_json.py::test_dumps\"]", "[]")));
    }

    static String row(String id, String repo, String failToPass, String passToPass) {
        return "SELECT " + String.join(", ", List.of(
                text(repo) + " AS repo", text(id) + " AS instance_id", text("0".repeat(36) + id.substring(id.length() - 4)) + " AS base_commit",
                text("diff --git a/src/x.py b/src/x.py\n") + " AS patch", text("diff --git a/tests/t.py b/tests/t.py\n") + " AS test_patch",
                text("The issue of " + id + ".") + " AS problem_statement", text("") + " AS hints_text",
                text("2023-01-01T00:00:00Z") + " AS created_at", text("2.3") + " AS version",
                text(failToPass) + " AS FAIL_TO_PASS", text(passToPass) + " AS PASS_TO_PASS",
                text("1".repeat(40)) + " AS environment_setup_commit"));
    }

    /** A writable copy of the fixture submission under {@code dir}. */
    public static Path submission(Path dir) {
        Path target = dir.resolve("submission");
        try (Stream<Path> files = Files.walk(SUBMISSION)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(SUBMISSION.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
