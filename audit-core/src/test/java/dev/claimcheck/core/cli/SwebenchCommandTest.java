package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.suite.swebench.SwebenchFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code swebench import} prints the claimed and re-scored counts and fails on a disagreement; {@code images} needs an engine. */
class SwebenchCommandTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String path, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Cli.execute(new SwebenchCommand(new PrintStream(o, true, StandardCharsets.UTF_8), path),
                new PrintWriter(new PrintStream(e, true, StandardCharsets.UTF_8), true), args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void importPrintsBothCountsAndWhatWasNotReScored() throws Exception {
        Path dataset = SwebenchFixture.dataset(dir);
        Path submission = SwebenchFixture.submission(dir);

        int code = run(dir.toString(), "import", "--dataset", dataset.toString(), "--submission", submission.toString(),
                "--run-report", submission.resolve("fixture-model.fixture-run.json").toString());

        assertThat(code).as(err).isEqualTo(Cli.OK);
        assertThat(out).contains("claimed resolved (fixture-model.fixture-run.json): 2 of 4 (50.0%)")
                .contains("claimed resolved (report.json): 2 (50.0%)")
                .contains("re-scored resolved (test logs):  2 (50.0%)")
                .doesNotContain("not re-scored")
                .contains("consistent: every re-scored instance agrees with its report");
    }

    @Test
    void anEditedLogMakesImportFailAndNamesTheInstance() throws Exception {
        Path dataset = SwebenchFixture.dataset(dir);
        Path submission = SwebenchFixture.submission(dir);
        Path log = submission.resolve(SwebenchFixture.LOGS + "pallets__flask-9002/test_output.txt");
        Files.writeString(log, Files.readString(log).replace("FAILED tests/test_app.py::test_empty_rule - AssertionError: assert '' == '/'",
                "PASSED tests/test_app.py::test_empty_rule"));

        int code = run(dir.toString(), "import", "--dataset", dataset.toString(), "--submission", submission.toString());

        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(out).contains("DISAGREES pallets__flask-9002: report says unresolved, the log says resolved")
                .contains("NOT consistent: 1 instance(s) disagree");
    }

    @Test
    void withoutASubcommandItSaysWhichToChoose() {
        assertThat(run(dir.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(err).contains("choose a subcommand: import or images");
    }

    @Test
    void imagesIsRefusedInOneLineWithoutAContainerEngine() throws Exception {
        int code = run(dir.toString(), "images", "--dataset", SwebenchFixture.dataset(dir).toString());

        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(err.strip()).startsWith("swebench images: SWE-bench evaluation needs a container engine").doesNotContain("\n");
        assertThat(out).isEmpty();
    }

    @Test
    void imagesListsEveryInstancesOfficialImageWhereAnEngineExists() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path docker = bin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\n[ \"$1\" = info ] && echo 28.2.2\n"); // a CLI whose daemon answers
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));

        int code = run(bin.toString(), "images", "--dataset", SwebenchFixture.dataset(dir).toString());

        assertThat(code).as(err).isEqualTo(Cli.OK);
        assertThat(out).contains("docker pull swebench/sweb.eval.x86_64.pallets_1776_flask-9001:latest")
                .contains("docker pull swebench/sweb.eval.x86_64.django_1776_django-9003:latest")
                .contains("python -m swebench.harness.run_evaluation --dataset_name princeton-nlp/SWE-bench_Verified");
    }
}
