package dev.claimcheck.core.cli;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.endpoint.Secrets;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunManifest.EndpointRef;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.run.AuditOutcome;
import dev.claimcheck.core.serving.BenchRun;
import dev.claimcheck.core.serving.BenchSpec;
import dev.claimcheck.core.serving.ShardMerge;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.stats.LowerBoundCheck;
import dev.claimcheck.core.stats.ThroughputComparison;
import dev.claimcheck.core.stats.ThroughputFigures;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;

/**
 * The four modes of {@code bench}, each its own class over the same parsed flags ({@link BenchCommand}), so the
 * documented command lines keep working: a sweep ({@code --base-url ...}), {@code --merge RUN_DIR...},
 * {@code --resume RUN_DIR}, and A/B ({@code --model-b} / {@code --base-url-b}). {@link #of} is the one place that
 * picks the mode from the flags.
 */
sealed interface BenchMode permits BenchMode.Sweep, BenchMode.Merge, BenchMode.Resume, BenchMode.Ab {
    /** Runs the mode; the exit code. */
    int run();

    static BenchMode of(BenchCommand flags) {
        if (flags.resume != null) {
            return new Resume(flags);
        }
        if (flags.merge != null) {
            return new Merge(flags);
        }
        if (flags.lowerBound != null && !flags.abMode()) {
            throw new BadInputException("--lower-bound judges an A/B ratio: it needs --model-b or --base-url-b");
        }
        BenchRun run = flags.benchRun();
        return flags.abMode() ? new Ab(flags, run.spec()) : new Sweep(flags, run);
    }

    /** One sweep of load points against one endpoint: one run folder. */
    record Sweep(BenchCommand f, BenchRun bench) implements BenchMode {
        @Override
        public int run() {
            AuditOutcome outcome;
            try (BenchConsole console = new BenchConsole(f.err)) {
                outcome = f.bench.run(bench, console);
            }
            f.print(outcome.manifest());
            f.out.println("run folder: " + outcome.folder().dir());
            return Cli.OK;
        }
    }

    /** {@code --merge}: the run folders of all shards of one bench ({@code --shard i/n}) become one run. */
    record Merge(BenchCommand f) implements BenchMode {
        @Override
        public int run() {
            if (f.endpoint.baseUrl != null) {
                throw new BadInputException("--merge takes run folders only, no --base-url");
            }
            AuditOutcome merged = new ShardMerge(Clock.systemUTC()).merge(f.merge, f.endpoint.root);
            f.print(merged.manifest());
            f.out.println("run folder: " + merged.folder().dir());
            return Cli.OK;
        }
    }

    /**
     * {@code --resume}: the bench is rebuilt from the options recorded in run.json (so the same points, seed, shard
     * and simulator), its headers from the endpoint record ({@code --header} replaces a redacted one).
     */
    record Resume(BenchCommand f) implements BenchMode {
        @Override
        public int run() {
            if (f.endpoint.baseUrl != null || f.merge != null) {
                throw new BadInputException("--resume takes the run folder only: its options come from its run.json");
            }
            RunFolder folder = new RunFolder(f.resume);
            RunManifest manifest = RunManifestStore.read(folder);
            if (manifest.status() != RunStatus.COMPLETE) {
                Map<String, String> options = manifest.suite().options() == null ? Map.of() : manifest.suite().options();
                if (options.containsKey("--ab-arm")) {
                    throw new BadInputException("run " + manifest.runId() + " is one arm of an A/B bench; run the A/B again");
                }
                BenchCommand again = new BenchCommand(f.bench, f.environment, f.out, f.err);
                List<String> args = new ArrayList<>();
                options.forEach((k, v) -> args.addAll(List.of(k, v)));
                new CommandLine(again).parseArgs(args.toArray(String[]::new));
                again.endpoint.root = Root.of(folder).dir();
                EndpointRef stored = manifest.endpoint();
                if (stored.apiKeyEnv() != null) {
                    again.endpoint.apiKeyEnv = stored.apiKeyEnv();
                }
                Map<String, String> headers = new TreeMap<>(stored.headers() == null ? Map.of() : stored.headers());
                headers.putAll(f.endpoint.headers());
                headers.forEach((name, value) -> {
                    if (Secrets.REDACTED.equals(value)) {
                        throw new BadInputException("header " + name + " was redacted in run.json; pass it again with --header");
                    }
                });
                again.endpoint.header = headers.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList();
                try (BenchConsole console = new BenchConsole(f.err)) {
                    manifest = f.bench.resume(folder, again.benchRun(), console).manifest();
                }
            } else {
                f.out.println("run " + manifest.runId() + " is already complete; nothing to do");
            }
            f.print(manifest);
            f.out.println("run folder: " + folder.dir());
            return Cli.OK;
        }
    }

    /** A/B: two arms of the same sweep, interleaved; each arm is a run folder; the comparison is printed. */
    record Ab(BenchCommand f, BenchSpec spec) implements BenchMode {
        @Override
        public int run() {
            if (f.repeats < 3) {
                throw new BadInputException("--repeats must be at least 3 in A/B mode, got " + f.repeats);
            }
            if (f.shard != null) {
                throw new BadInputException("--shard cannot be combined with A/B mode");
            }
            if (f.lowerBound != null && !(f.lowerBound > 0 && f.lowerBound < Double.POSITIVE_INFINITY)) {
                throw new BadInputException("--lower-bound must be a positive ratio, got " + f.lowerBound);
            }
            String urlB = f.baseUrlB != null ? f.baseUrlB : f.endpoint.baseUrl;
            boolean simB = SimOptions.isSim(urlB);
            if (simB) {
                SimOptions.parse(urlB, dev.claimcheck.core.model.Lane.INSTANT, f.endpoint.seed);
            }
            String idB = f.modelB != null ? f.modelB : simB ? "sim-b" : null;
            if (idB == null) {
                throw new BadInputException("--model-b is required with a real --base-url-b");
            }
            BenchSpec specB = new BenchSpec(idB, spec.points(), spec.requests(), spec.durationNs(), spec.warmup(), spec.tokenizer(),
                    spec.prefixShare(), spec.seed(), spec.promptSalt(), spec.idleTimeoutNs(), spec.headers(), simB ? null : f.environment.get(f.endpoint.apiKeyEnv), null);
            Map<String, String> optionsA = f.recorded();
            optionsA.put("--ab-arm", "a");
            Map<String, String> optionsB = f.recorded();
            optionsB.put("--ab-arm", "b");
            optionsB.put("--base-url", urlB);
            optionsB.put("--model", idB);
            List<AuditOutcome> arms;
            try (BenchConsole console = new BenchConsole(f.err)) {
                arms = f.bench.runAb(new BenchRun(f.endpoint.baseUrl, spec, f.endpoint.root, f.hardware, optionsA, f.endpoint.apiKeyEnv,
                        !f.noFingerprint),
                        new BenchRun(urlB, specB, f.endpoint.root, f.hardware, optionsB, f.endpoint.apiKeyEnv, !f.noFingerprint), f.repeats, console);
            }
            for (AuditOutcome arm : arms) {
                f.print(arm.manifest());
                f.out.println("run folder: " + arm.folder().dir());
            }
            f.out.printf(Locale.ROOT, "A/B · A = %s · B = %s · %d interleaved repeats%n", arms.get(0).manifest().model().id(),
                    arms.get(1).manifest().model().id(), f.repeats);
            f.out.printf(Locale.ROOT, "  %7s %-14s %12s %12s %12s %12s %12s %12s  %s%n", "input", "load", "ttft p50 A", "ttft p50 B",
                    "tpot p50 A", "tpot p50 B", "out tok/s A", "out tok/s B", "ratio B/A (95% CI)");
            List<ThroughputComparison.Row> rows = ThroughputComparison.of(arms.get(0).manifest().metrics().get(ThroughputFigures.POINTS),
                    arms.get(1).manifest().metrics().get(ThroughputFigures.POINTS));
            for (ThroughputComparison.Row row : rows) {
                f.out.printf(Locale.ROOT, "  %7d %-14s %12s %12s %12s %12s %12.1f %12.1f  %s%s%n", row.inputTokens(),
                        row.concurrency() != null ? "c=" + row.concurrency() : "r=" + row.rate() + "/s", BenchCommand.ms(row.ttftMsP50A()),
                        BenchCommand.ms(row.ttftMsP50B()), BenchCommand.ms(row.tpotMsP50A()), BenchCommand.ms(row.tpotMsP50B()), row.outputTokensPerSecondA(),
                        row.outputTokensPerSecondB(), row.ratio() == null ? "-" : String.format(Locale.ROOT, "%.3f [%s, %s]",
                                row.ratio(), ratio(row.ratioCi95Low()), ratio(row.ratioCi95High())),
                        row.allValid() ? "" : " (a point was invalid)");
            }
            if (f.lowerBound != null) {
                printBound(rows, f.lowerBound);
            }
            f.out.println("  memory access: " + ThroughputComparison.MEMORY_ACCESS);
            return Cli.OK;
        }

        /** The claimed lower bound judged per load (stats.LowerBoundCheck): the lower end of the CI must reach it. */
        private void printBound(List<ThroughputComparison.Row> rows, double bound) {
            f.out.printf(Locale.ROOT, "  claimed lower bound B/A >= %s:%n", ratio(bound));
            for (LowerBoundCheck.Judged j : LowerBoundCheck.of(rows, bound)) {
                ThroughputComparison.Row row = j.row();
                f.out.printf(Locale.ROOT, "  %7d %-14s %-11s ratio %s [%s, %s]%s%n", row.inputTokens(),
                        row.concurrency() != null ? "c=" + row.concurrency() : "r=" + row.rate() + "/s", j.outcome().id(),
                        ratio(row.ratio()), ratio(row.ratioCi95Low()), ratio(row.ratioCi95High()),
                        row.allValid() ? "" : " (a point was invalid: client-bound, not evidence)");
            }
        }

        private static String ratio(Double v) {
            return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
        }
        }
}
