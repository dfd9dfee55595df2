package dev.claimcheck.core.cli;

import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.verify.LedgerCheck;
import dev.claimcheck.core.verify.LedgerFinding;
import dev.claimcheck.core.verify.RunReport;
import dev.claimcheck.core.verify.Verifier;
import dev.claimcheck.core.verify.GithubAnnotations;
import dev.claimcheck.core.verify.VerifyJson;
import dev.claimcheck.core.verify.VerifyReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verify PATH... [--allowed-signers FILE] [--allow-simulated] [--report FILE] [--report-json FILE]} (docs/architecture.md §7.2). */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Verify run folders: limits, schema, MANIFEST coverage and hashes, signature by a trusted key,",
            "proofs, metrics recomputed from the journal, and re-grading. A PATH is a run folder, or a root (or its results/):",
            "every run its walk finds, its claims ledger and recipes; any symbolic link under results/ or proofs/ fails."},
        footer = {"", "Examples:",
            "  ./jbang verify@. .",
            "  ./jbang verify@. results",
            "  ./jbang verify@. results/runs/<model>/<workload>/<suite>/<run-id> --report report.md",
            "  ./jbang verify@. results --report-json report.json   # GITHUB_ACTIONS=true also prints ::error annotations",
            "Exit codes: 0 every run trusted, 1 any run failed, 2 bad usage or input."})
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Run folders or roots.")
    List<Path> paths;

    @Option(names = "--allowed-signers", paramLabel = "FILE",
            description = "Trusted keys (OpenSSH allowed_signers); default: the root's results/allowed_signers.")
    Path allowedSigners;

    @Option(names = "--allow-simulated", description = "Accept simulated runs inside a repository's own results/.")
    boolean allowSimulated;

    @Option(names = "--reexecute",
            description = "Code runs: also run each recorded program again in the sandbox, against the dataset the run names (resolved against the root).")
    boolean reexecute;

    @Option(names = "--rejudge",
            description = "Proofs and judged math runs: ask the recorded judges again (their endpoints, the dataset under the root) and compare the grades.")
    boolean rejudge;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a Markdown report (per run: trusted/failed and each finding).")
    Path report;

    @Option(names = "--report-json", paramLabel = "FILE",
            description = "Write the report as JSON (claimcheck/verify-report/v1: every finding with id, file, run, detail; the verdict per run; counts).")
    Path reportJson;

    private final PrintStream out;
    private final Map<String, String> env;

    public VerifyCommand() {
        this(System.out, System.getenv());
    }

    public VerifyCommand(PrintStream out) {
        this(out, System.getenv());
    }

    /** {@code env}: where GITHUB_ACTIONS is read (true: one annotation line per finding on {@code out}). */
    public VerifyCommand(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        Verifier verifier = new Verifier(new Verifier.Options(allowedSigners, allowSimulated, true, Instant.now(),
                Runtime.getRuntime().availableProcessors()), dev.claimcheck.core.verify.Regraders.standard(reexecute, rejudge));
        Verifier.Targets targets = verifier.targets(paths);
        List<RunReport> reports = verifier.verifyRuns(targets.runs());
        out.print(VerifyReport.text(reports));
        // A root also holds what no single run folder owns: links found by its walk, the claims ledger, the recipes
        // (docs/verification.md, root findings); checked once per root.
        List<LedgerFinding> rootFindings = new ArrayList<>();
        targets.roots().forEach(walk -> rootFindings.addAll(LedgerCheck.check(walk)));
        rootFindings.forEach(f -> out.println(f.line()));
        boolean rootFailed = rootFindings.stream().anyMatch(f -> !f.warning());
        VerifyJson.Report json = VerifyJson.report(reports, rootFindings);
        if ("true".equals(env.get("GITHUB_ACTIONS"))) {
            GithubAnnotations.lines(json).forEach(out::println);
        }
        if (report != null) {
            write(report, VerifyReport.markdown(reports, rootFindings, allowedSigners));
        }
        if (reportJson != null) {
            write(reportJson, VerifyJson.render(json));
        }
        return reports.stream().allMatch(RunReport::passed) && !rootFailed ? Cli.OK : Cli.FAILED;
    }

    private static void write(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunFailedException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
