package dev.claimcheck.site.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.AuditCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.run.AuditSession;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Root;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulated proofs import exports, its run page listing the judges' totals, agreement and the claim's verdict. */
class ProofsExportTest {
    static final Path FIXTURE = Path.of("../audit-core/src/test/resources/suites/proofs");

    @TempDir
    Path tmp;

    @Test
    void aProofsRunRendersItsFiguresAndVerdict() throws Exception {
        Path root = tmp.resolve("root");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        AuditSession session = new AuditSession(Clock.systemUTC(), Map.of(), Journal.DEFAULT_PART_LIMIT);
        int code = Cli.execute(new AuditCommand(session, new PrintStream(new ByteArrayOutputStream()), e), new PrintWriter(e, true),
                "proofs", "--base-url", "sim", "--model", "toy/toy-2", "--root", root.toString(),
                "--dataset", FIXTURE.resolve("set").toString(), "--import-solutions", FIXTURE.resolve("vendor").toString(),
                "--judge", "sim:accuracy=1=judge-exact", "--judge", "sim:accuracy=0=judge-harsh");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path out = tmp.resolve("site");
        StaticExporter.Result r = StaticExporter.export(new Root(root), out);
        assertThat(r.runs()).isEqualTo(1);
        String page;
        try (Stream<Path> pages = Files.list(out.resolve("runs"))) {
            page = Files.readString(pages.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow());
        }
        assertThat(page).contains("· proofs ·", "proofs.total", "proofs.alpha", "proofs.judge2.parseFailures",
                "proofs.claimedTotal", "consistent");
    }
}
