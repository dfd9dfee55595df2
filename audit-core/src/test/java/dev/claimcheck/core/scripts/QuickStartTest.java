package dev.claimcheck.core.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.RunManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick start, run as written (in-process, against the simulator, into a temp root). */
class QuickStartTest {
    static final String PREFIX = "./jbang audit@. ";

    static List<String> quickStart(Repo repo) {
        List<String> lines = Repo.lines(repo.root.resolve("README.md"));
        int start = lines.indexOf("## Quick start");
        assertThat(start).as("README.md has a '## Quick start' section").isNotNegative();
        List<String> commands = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith(PREFIX)) {
                commands.add(line.substring(PREFIX.length()));
            }
        }
        return commands;
    }

    static AuditRunner.Result run(Repo repo, String command, Path root) {
        List<String> args = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
        int d = args.indexOf("--dataset");
        if (d >= 0) {
            args.set(d + 1, repo.root.resolve(args.get(d + 1)).toString()); // the README runs from the checkout
        }
        args.addAll(List.of("--root", root.toString()));
        return AuditRunner.audit(args.toArray(String[]::new));
    }

    @Test
    void theThinkingLaneLineNamesTheModelAndTheLaneAndFillsThatLane(@TempDir Path root) {
        Repo repo = Repo.find();
        String line = quickStart(repo).stream().filter(c -> c.contains("--lane thinking")).findFirst().orElseThrow();
        assertThat(line).contains("--model ");
        AuditRunner.Result r = run(repo, line, root);
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.simulated()).isTrue();
        assertThat(m.lane().id()).isEqualTo("thinking");
        assertThat(m.model().id()).isEqualTo("inclusionAI/Ring-2.5-1T");
    }

    @Test
    void theMathLineRunsOfflineOnTheProjectsExampleSet(@TempDir Path root) {
        Repo repo = Repo.find();
        String line = quickStart(repo).stream().filter(c -> c.startsWith("math ")).findFirst().orElseThrow();
        assertThat(line).contains("--dataset docs/examples/math-smoke.jsonl").contains("--base-url sim");
        AuditRunner.Result r = run(repo, line, root);
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.suite().id()).isEqualTo("math");
        assertThat(m.suite().dataset().rows()).isEqualTo(16);
        assertThat(m.request().k()).isEqualTo(4);
        assertThat(m.metrics().graded()).as(r.out()).isEqualTo(16 * 4);
    }
}
