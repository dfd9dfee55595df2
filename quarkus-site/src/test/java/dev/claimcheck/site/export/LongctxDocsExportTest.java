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

/** A root holding simulated longctx and docs runs exports without errors, with the heatmap on the longctx run page. */
class LongctxDocsExportTest {
    @TempDir
    Path tmp;

    @Test
    void longctxAndDocsRunsRenderOnEveryPage() throws Exception {
        Path root = tmp.resolve("root");
        audit("longctx", "--base-url", "sim:depthDecay=0.5", "--lengths", "1k,2k", "--depths", "0,100", "--kinds", "single,qa",
                "--root", root.toString());
        audit("docs", "--base-url", "sim", "--per-kind", "2", "--root", root.toString());
        Path out = tmp.resolve("site");
        StaticExporter.Result r = StaticExporter.export(new Root(root), out);
        assertThat(r.runs()).isEqualTo(2);
        String longctxPage;
        String docsPage;
        try (Stream<Path> pages = Files.list(out.resolve("runs"))) {
            var html = pages.filter(p -> p.toString().endsWith(".html")).map(LongctxDocsExportTest::read).toList();
            longctxPage = html.stream().filter(h -> h.contains("· longctx ·")).findFirst().orElseThrow();
            docsPage = html.stream().filter(h -> h.contains("· docs ·")).findFirst().orElseThrow();
        }
        assertThat(longctxPage).contains("Accuracy by length × depth").contains(">1k</th>").contains(">2k</th>")
                .contains("longctx.effectiveLength");
        assertThat(docsPage).contains("docs.citationPrecision").doesNotContain("Accuracy by length × depth");
    }

    private static void audit(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        AuditSession session = new AuditSession(Clock.systemUTC(), Map.of(), Journal.DEFAULT_PART_LIMIT);
        int code = Cli.execute(new AuditCommand(session, new PrintStream(new ByteArrayOutputStream()), e),
                new PrintWriter(e, true), args);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
