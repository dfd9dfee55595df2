package dev.claimcheck.core.cli;

import dev.claimcheck.core.suite.swebench.ContainerEngine;
import dev.claimcheck.core.suite.swebench.ImportResult;
import dev.claimcheck.core.suite.swebench.Rescored;
import dev.claimcheck.core.suite.swebench.SubmissionImport;
import dev.claimcheck.core.suite.swebench.SwebenchDataset;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code swebench import} re-scores a SWE-bench submission from its recorded logs; {@code swebench images} lists the
 * official evaluation images and commands where a container engine exists, and refuses where none does
 * (docs/grading/swebench.md).
 */
@Command(name = "swebench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "SWE-bench Verified: re-score an imported submission, or list its evaluation images.",
        footer = {"", "Examples:",
            "  ./jbang swebench@. import --dataset test-00000-of-00001.parquet --submission evaluation/verified/<submission>",
            "  ./jbang swebench@. import --dataset DIR/test-00000-of-00001.parquet --submission SUB --root DIR --model org/model --sign KEY",
            "  ./jbang swebench@. images --dataset test-00000-of-00001.parquet",
            "Exit codes: 0 done (import: every re-scored instance agrees with its report), 1 a disagreement or no container engine, 2 bad usage or input."})
public final class SwebenchCommand implements Callable<Integer>, SubcommandProvider {
    private final PrintStream out;
    private final String path;

    public SwebenchCommand() {
        this(System.out, System.getenv("PATH"));
    }

    /** With the output and the PATH value (where docker or podman is looked for) given, for tests. */
    public SwebenchCommand(PrintStream out, String path) {
        this.out = out;
        this.path = path;
    }

    @Override
    public void addSubcommands(picocli.CommandLine commandLine) {
        commandLine.addSubcommand("import", new Import(out));
        commandLine.addSubcommand("images", new Images(out, path));
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: import or images");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Re-derive each instance's resolved status from the harness's test_output.txt and check the reports' resolved count.")
    static final class Import implements Callable<Integer> {
        @Option(names = "--dataset", required = true, paramLabel = "FILE", description = "The SWE-bench Verified parquet as published.")
        Path dataset;

        @Option(names = "--submission", required = true, paramLabel = "DIR",
                description = "all_preds.jsonl or preds.json, and the harness's per-instance folders (report.json, test_output.txt) below it.")
        Path submission;

        @Option(names = "--run-report", paramLabel = "FILE",
                description = "The harness's run summary (<model>.<run_id>.json): its resolved_ids and counts are checked against the instances' reports.")
        Path runReport;

        @Option(names = "--root", paramLabel = "DIR",
                description = "Also write the re-scored submission as a run folder of suite swebench under this root (for verify and the site); "
                        + "put the dataset in the root so verify finds it.")
        Path root;

        @Option(names = "--model", paramLabel = "ID", description = "With --root: the model whose predictions these are.")
        String model;

        @Option(names = "--lane", paramLabel = "instant|thinking", defaultValue = "instant",
                description = "With --root: the lane the submission ran in (default: ${DEFAULT-VALUE}).")
        String lane;

        @Option(names = "--sign", paramLabel = "KEY", description = "With --root: sign the run folder (MANIFEST + SSH signature).")
        Path signKey;

        private final PrintStream out;

        Import(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() {
            if (root == null && (model != null || signKey != null)) {
                throw new dev.claimcheck.core.BadInputException("--model and --sign go with --root DIR (the run folder they describe)");
            }
            if (root != null && model == null) {
                throw new dev.claimcheck.core.BadInputException("--root needs --model ID: the model whose predictions these are");
            }
            ImportResult result = SubmissionImport.run(SwebenchDataset.load(dataset), submission, java.util.Optional.ofNullable(runReport));
            print(out, result);
            if (root != null) {
                var written = new dev.claimcheck.core.run.SwebenchImportRun(java.time.Clock.systemUTC(),
                        dev.claimcheck.core.store.Journal.DEFAULT_PART_LIMIT).write(root, dataset, submission, model,
                        dev.claimcheck.core.model.Lane.of(lane));
                out.println("run folder " + written.folder().dir());
                if (signKey != null) {
                    SignCommand.print(out, dev.claimcheck.core.provenance.Signer.sign(written.folder().dir(), signKey, false));
                }
            }
            return result.consistent() ? Cli.OK : Cli.FAILED;
        }
    }

    @Command(name = "images", mixinStandardHelpOptions = true,
            description = "The official per-instance evaluation image of every instance and the harness command; needs docker or podman.")
    static final class Images implements Callable<Integer> {
        @Option(names = "--dataset", required = true, paramLabel = "FILE", description = "The SWE-bench Verified parquet as published.")
        Path dataset;

        private final PrintStream out;
        private final String path;

        Images(PrintStream out, String path) {
            this.out = out;
            this.path = path;
        }

        @Override
        public Integer call() {
            ContainerEngine engine = ContainerEngine.require(path);
            SwebenchDataset data = SwebenchDataset.load(dataset);
            out.println("# " + engine.name() + " at " + engine.executable() + "; " + data.instances().size() + " instances of " + data.fileName());
            data.instances().forEach(i -> out.println(engine.name() + " pull " + ContainerEngine.imageName(i.instanceId())));
            out.println("# then the official harness, and the import of what it wrote:");
            out.println("python -m swebench.harness.run_evaluation --dataset_name princeton-nlp/SWE-bench_Verified "
                    + "--predictions_path all_preds.jsonl --run_id <run_id> --max_workers 4");
            out.println("./jbang swebench@. import --dataset " + dataset + " --submission .");
            return Cli.OK;
        }
    }

    static void print(PrintStream out, ImportResult r) {
        out.printf(Locale.ROOT, "dataset %s (sha256 %s), %d instances; %s: %d predictions%n",
                r.dataset(), r.datasetSha256(), r.instances().size(), r.predictionsFile(), r.submitted());
        r.runReport().ifPresent(rr -> out.printf(Locale.ROOT, "claimed resolved (%s): %d of %d (%.1f%%)%n", rr.fileName(),
                rr.resolvedInstances(), rr.totalInstances(), rr.totalInstances() == 0 ? 0.0 : 100.0 * rr.resolvedInstances() / rr.totalInstances()));
        out.printf(Locale.ROOT, "claimed resolved (report.json): %d (%.1f%%)%n", r.claimedResolved(), 100 * r.claimedRate());
        out.printf(Locale.ROOT, "re-scored resolved (test logs):  %d (%.1f%%)%n", r.rescoredResolved(), 100 * r.rescoredRate());
        if (r.notRescored() > 0) {
            TreeSet<String> repos = new TreeSet<>();
            r.instances().stream().filter(i -> i.outcome() == Rescored.Outcome.NOT_RESCORED).forEach(i -> repos.add(i.repo()));
            out.printf(Locale.ROOT, "not re-scored: %d (no log parser for %s: not a repository of the harness's map)%n",
                    r.notRescored(), String.join(", ", repos));
        }
        for (Rescored d : r.disagreements()) {
            out.printf(Locale.ROOT, "DISAGREES %s: report says %s, the log says %s%s%n", d.instanceId(),
                    d.claimed().map(c -> c ? "resolved" : "unresolved").orElse("nothing (no report)"),
                    d.outcome() == Rescored.Outcome.RESOLVED ? "resolved" : "unresolved",
                    d.note().isEmpty() ? "" : " (" + d.note() + ")");
        }
        r.runReportProblems().forEach(p -> out.println("RUN REPORT " + p));
        out.println(r.consistent() ? "consistent: every re-scored instance agrees with its report"
                : "NOT consistent: " + r.disagreements().size() + " instance(s) disagree with their reports, "
                        + r.runReportProblems().size() + " run report problem(s)");
    }
}
