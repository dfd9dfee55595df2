package dev.claimcheck.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.provenance.GitCommitter;
import dev.claimcheck.core.provenance.SigningKeys;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.run.AuditOutcome;
import dev.claimcheck.core.run.AuditPlan;
import dev.claimcheck.core.run.AuditSession;
import dev.claimcheck.core.run.AuditSpec;
import dev.claimcheck.core.run.RecipeRun;
import dev.claimcheck.core.run.Shard;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.suite.RequestBodies;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteOptions;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * {@code audit [<suite>] ...}: runs a suite against an OpenAI-compatible endpoint or the built-in
 * simulator, or resumes a run. Each registered suite is a subcommand carrying its own options;
 * the shared options below (and the endpoint options) are inherited by all of them (docs/architecture.md, Command line).
 */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Re-run an eval against an OpenAI-compatible endpoint (or the built-in simulator) and write a run folder.",
            "Choose a suite (below), or resume a stopped run with --resume RUN_DIR."},
        footer = {"", "Examples:",
            "  ./jbang audit@. arith --base-url sim --k 4",
            "  ./jbang audit@. arith --base-url http://localhost:30000/v1 --model inclusionAI/Ring-2.5-1T --lane thinking",
            "  ./jbang audit@. --resume target/sim-root/results/runs/sim/arith/arith/<run-id>",
            "  ./jbang audit@. --recipe audit-scripts/recipes/inclusionai--ring-2.5-1t/gsm8k-cookbook.json --base-url http://localhost:30000/v1",
            "Exit codes: 0 done (errors counted), 1 could not complete, 2 bad usage or input."})
public final class AuditCommand implements Callable<Integer>, SubcommandProvider {
    @Mixin
    EndpointOptions endpoint = new EndpointOptions();

    @Option(names = "--lane", scope = ScopeType.INHERIT, paramLabel = "instant|thinking", defaultValue = "instant",
            converter = LaneConverter.class, description = "Lane label and request defaults (default: ${DEFAULT-VALUE}).")
    Lane lane = Lane.INSTANT;

    @Option(names = "--k", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "Attempts per task (default: the suite's, 1 for most; arc takes 2, as pass@2 needs).")
    Integer k;

    @Option(names = "--limit", scope = ScopeType.INHERIT, paramLabel = "N", description = "Only the first N tasks.")
    Integer limit;

    @Option(names = "--concurrency", scope = ScopeType.INHERIT, defaultValue = "8", paramLabel = "N", description = "Requests in flight (default: ${DEFAULT-VALUE}).")
    int concurrency = 8;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<suite>", description = "The suite to run (see Commands).")
    String unknownSuite;

    @Option(names = "--max-retries", scope = ScopeType.INHERIT, defaultValue = "6", paramLabel = "N",
            description = "Retries per request for 429, 5xx, resets, stalls and broken streams (default: ${DEFAULT-VALUE}).")
    int maxRetries = 6;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Resume a stopped or killed run; needs no other option.")
    Path resume;

    @Option(names = "--shard", scope = ScopeType.INHERIT, paramLabel = "i/n",
            description = "Run only shard i of n of the (task, attempt) pairs (0 <= i < n), for --merge later (docs/scale-out.md).")
    String shard;

    @Option(names = "--merge", arity = "1..*", paramLabel = "RUN_DIR",
            description = "Merge the signed shard runs of one audit into one run (metrics recomputed from all samples).")
    java.util.List<Path> merge;

    @Option(names = "--recipe", paramLabel = "FILE",
            description = "Reproduce a claim with a pinned recipe (audit-scripts/recipes/<model-slug>/<claim-id>.json); needs only --base-url.")
    Path recipe;

    @Option(names = "--dataset", paramLabel = "FILE", description = "With --recipe: the downloaded dataset file (default: the recipe's dataset.path).")
    Path recipeDataset;

    @Option(names = "--protocol", paramLabel = "NAME",
            description = "With --recipe: run under another protocol than the recipe's (the claim then reads settingsDiffer).")
    String recipeProtocol;

    @Option(names = "--allow-unpinned", description = "With --recipe: run although the dataset hashes are not pinned, or are not the pinned ones; warns with the file's two hashes.")
    boolean allowUnpinned;

    @picocli.CommandLine.Spec
    CommandSpec commandSpec;

    @Option(names = "--temperature", scope = ScopeType.INHERIT, paramLabel = "X", description = "Sampling temperature.")
    Double temperature;

    @Option(names = "--top-p", scope = ScopeType.INHERIT, paramLabel = "X", description = "Nucleus sampling top_p.")
    Double topP;

    @Option(names = "--max-tokens", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "max_tokens per request (default: 16384 in the instant lane, 65536 in the thinking lane).")
    Integer maxTokens;

    @Option(names = "--system-prompt", scope = ScopeType.INHERIT, paramLabel = "TEXT", description = "System message prepended to every prompt.")
    String systemPrompt;

    @Option(names = "--chat-template-kwargs", scope = ScopeType.INHERIT, paramLabel = "JSON", description = "chat_template_kwargs object, e.g. '{\"enable_thinking\": true}'.")
    String chatTemplateKwargs;

    @Option(names = "--extra-body", scope = ScopeType.INHERIT, paramLabel = "JSON", description = "JSON object merged into every request body.")
    String extraBody;

    @Option(names = "--api-flavor", scope = ScopeType.INHERIT, defaultValue = "openai", paramLabel = "NAME", description = "Endpoint dialect (default: ${DEFAULT-VALUE}).")
    String apiFlavor = "openai";

    @Option(names = "--max-total-tokens", scope = ScopeType.INHERIT, paramLabel = "N", description = "Stop cleanly (resumable) once prompt + completion tokens reach N.")
    Long maxTotalTokens;

    @Option(names = "--sign", scope = ScopeType.INHERIT, paramLabel = "KEY",
            description = "Sign the run folder with this OpenSSH private key when the run completes (the key is checked before the run starts).")
    Path signKey;

    @Option(names = "--commit", scope = ScopeType.INHERIT, description = "With --sign: commit the signed run folder and its proofs (SSH-signed) on the current branch.")
    boolean commit;

    @Option(names = "--dry-run", scope = ScopeType.INHERIT, description = "Print tasks × k and the token estimate; send nothing.")
    boolean dryRun;

    @Option(names = "--no-fingerprint", scope = ScopeType.INHERIT, description = "Skip the endpoint fingerprint at the start "
            + "and end of the run (docs/fingerprint.md); verify then cannot tell a swap mid-run.")
    boolean noFingerprint;

    /** The key --sign opened before the run (so a passphrase is asked for once). */
    private dev.claimcheck.core.provenance.SigningKey signer;

    private final PrintStream out;
    private final PrintStream err;
    private final AuditSession session;

    public AuditCommand() {
        this(AuditSession.standard(), System.out, System.err);
    }

    public AuditCommand(AuditSession session, PrintStream out, PrintStream err) {
        this.session = session;
        this.out = out;
        this.err = err;
    }

    @Override
    public void addSubcommands(CommandLine commandLine) {
        for (Suite suite : SuiteRegistry.all()) {
            Object options = suite.newOptions();
            CommandLine sub = new CommandLine(new SuiteCommand(this, suite, options));
            sub.getCommandSpec().addMixin("options", CommandSpec.forAnnotatedObject(options));
            sub.getCommandSpec().usageMessage().description(suite.description());
            commandLine.addSubcommand(suite.id(), sub);
        }
    }

    /** {@code audit} without a suite: only --resume makes sense. */
    @Override
    public Integer call() {
        if (unknownSuite != null) {
            SuiteRegistry.byId(unknownSuite); // a registered suite would have matched its subcommand: this throws
        }
        if (merge != null) {
            return AuditMergeCall.run(this, merge, endpoint.root, resume != null || recipe != null || shard != null, out, err);
        }
        if (recipe != null) {
            return runRecipe();
        }
        if (recipeDataset != null || allowUnpinned || recipeProtocol != null) {
            throw new BadInputException("--dataset, --protocol and --allow-unpinned go with --recipe"
                    + " (for a suite: audit math --dataset FILE --protocol NAME)");
        }
        if (resume == null) {
            throw new BadInputException("choose a suite (" + SuiteRegistry.ids() + "), --recipe FILE, --resume RUN_DIR"
                    + " or --merge RUN_DIR...");
        }
        if (shard != null) {
            throw new BadInputException("--resume takes no --shard: a shard's run.json records its shard");
        }
        checkSigning();
        AuditOutcome outcome = session.resume(resume, endpoint.headers(), new ConsoleProgress(err));
        if (outcome.complete() && outcome.manifest().finishedAt() != null && outcome.abort() == null
                && outcome.manifest().metrics() != null) {
            ResultTable.print(out, outcome);
        }
        return signAndCommit(outcome, report(outcome));
    }

    /** Fails before any request is sent when --sign names an unusable key or --commit cannot work. */
    void checkSigning() {
        if (commit && signKey == null) {
            throw new BadInputException("--commit needs --sign KEY (commits are signed with the same key)");
        }
        if (signKey != null) {
            // A missing or malformed key, or a wrong passphrase, fails now, not after the run; asked for once.
            signer = SigningKeys.open(signKey);
        }
    }

    /** After a complete run: sign (and commit) when asked. */
    int signAndCommit(AuditOutcome outcome, int code) {
        if (signKey == null || code != Cli.OK || !outcome.complete()) {
            if (signKey != null && code == Cli.OK) {
                err.println("not signed: the run is not complete");
            }
            return code;
        }
        Path dir = outcome.folder().dir();
        if (commit) {
            GitCommitter.checkCommittable(dir);
        }
        var key = signer != null ? signer : SigningKeys.open(signKey);
        SignCommand.print(out, Signer.sign(dir, key, false));
        if (commit) {
            SignCommand.print(out, GitCommitter.commit(dir, key));
        }
        return code;
    }

    /** {@code audit --recipe FILE --base-url URL}: everything else comes from the recipe (docs/recipes.md). */
    private Integer runRecipe() {
        if (resume != null) {
            throw new BadInputException("--recipe and --resume do not go together (a resumed run already records its recipe)");
        }
        if (endpoint.baseUrl == null) {
            throw new BadInputException("--base-url is required (an OpenAI-compatible URL, or 'sim')");
        }
        for (String pinned : RecipeRun.PINNED_OPTIONS) {
            if (commandSpec.commandLine().getParseResult().hasMatchedOption(pinned)) {
                throw new BadInputException(pinned + " cannot be combined with --recipe: the recipe pins it");
            }
        }
        AuditSpec spec = RecipeRun.prepare(new RecipeRun.Invocation(recipe, endpoint.baseUrl, endpoint.model, recipeDataset, endpoint.root, endpoint.seed,
                commandSpec.commandLine().getParseResult().hasMatchedOption("--concurrency") ? concurrency : null,
                endpoint.headers(), apiFlavor, endpoint.apiKeyEnv, maxTotalTokens, maxRetries, allowUnpinned, dryRun, recipeProtocol), session, err::println);
        return start(spec);
    }

    Integer runSuite(Suite suite, Object options) {
        if (recipe != null) {
            throw new BadInputException("--recipe takes no suite: the recipe names it");
        }
        if (resume != null) {
            throw new BadInputException("--resume takes no suite: use 'audit --resume RUN_DIR'");
        }
        if (endpoint.baseUrl == null) {
            throw new BadInputException("--base-url is required (an OpenAI-compatible URL, or 'sim')");
        }
        suite.checkInvocation(options, endpoint.baseUrl, endpoint.model);
        return start(spec(suite, options));
    }

    /** A new run (or its dry run), then the table, signing and the exit code. */
    private int start(AuditSpec given) {
        AuditSpec spec = noFingerprint ? given.withoutFingerprint() : given;
        Shard part = shard == null ? null : Shard.parse(shard);
        if (dryRun) {
            DryRun.print(out, session.plan(spec, part), spec);
            return Cli.OK;
        }
        checkSigning();
        AuditOutcome outcome = session.start(spec, part, new ConsoleProgress(err));
        ResultTable.print(out, outcome);
        return signAndCommit(outcome, report(outcome));
    }

    private AuditSpec spec(Suite suite, Object options) {
        boolean simulated = SimOptions.isSim(endpoint.baseUrl);
        if (endpoint.model == null && !simulated) {
            throw new BadInputException("--model is required for a real endpoint");
        }
        if (maxRetries < 0 || maxRetries > 100) {
            throw new BadInputException("--max-retries must be between 0 and 100");
        }
        int attempts = k != null ? k : suite.defaultAttempts();
        if (attempts < 1) {
            throw new BadInputException("--k must be at least 1");
        }
        if (concurrency < 1 || concurrency > 4096) {
            throw new BadInputException("--concurrency must be between 1 and 4096");
        }
        return new AuditSpec(suite.id(), options, SuiteOptions.values(options), endpoint.baseUrl, endpoint.model, lane, attempts, limit, concurrency,
                endpoint.seed, endpoint.root, template(simulated, suite.requestDefaults(options)), systemPrompt, endpoint.headers(), apiFlavor, endpoint.apiKeyEnv, maxTotalTokens, maxRetries);
    }

    /**
     * The request body minus messages, exactly as sent and recorded: the suite's implied defaults (a math protocol's
     * stop strings, …), then options, then --extra-body; the lane's max_tokens where none of them sets one.
     */
    ObjectNode template(boolean simulated, ObjectNode suiteDefaults) {
        ObjectNode t = Json.mapper().createObjectNode();
        t.put("model", endpoint.model != null ? endpoint.model : "sim");
        if (maxTokens != null) {
            t.put("max_tokens", maxTokens);
        }
        if (temperature != null) {
            t.put("temperature", temperature);
        }
        if (topP != null) {
            t.put("top_p", topP);
        }
        if (chatTemplateKwargs != null) {
            t.set("chat_template_kwargs", jsonObject("--chat-template-kwargs", chatTemplateKwargs));
        }
        t.put("stream", true);
        t.putObject("stream_options").put("include_usage", true);
        if (extraBody != null) {
            ObjectNode extra = jsonObject("--extra-body", extraBody);
            // The prompt is the suite's and the model is --model: an override here would make run.json say one model
            // (or prompt) while another was asked (verify's modelMismatch would then refuse the signed run).
            for (String owned : java.util.List.of("messages", "model")) {
                if (extra.has(owned)) {
                    throw new BadInputException("--extra-body must not set " + owned
                            + (owned.equals("model") ? " (use --model)" : ""));
                }
            }
            t.setAll(extra);
        }
        return RequestBodies.merge(suiteDefaults, t, lane == Lane.THINKING ? 65536 : 16384);
    }

    private static ObjectNode jsonObject(String option, String text) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException(option + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadInputException(option + " must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private int report(AuditOutcome outcome) {
        String dir = outcome.folder().dir().toString();
        var metrics = outcome.manifest().metrics();
        if (outcome.complete() && metrics != null && metrics.graded() == 0) {
            // Completed, but nothing could be graded: the endpoint never gave a usable answer.
            err.println("no attempt got a gradable response (" + metrics.errors() + "); first error: " + outcome.firstError());
            return Cli.FAILED;
        }
        if (outcome.complete()) {
            err.println("run complete: " + dir);
            return Cli.OK;
        }
        err.println("run stopped: " + outcome.stopReason());
        err.println("resume with: ./jbang audit@. --resume " + dir);
        return outcome.abort() == null ? Cli.OK : Cli.FAILED;
    }

    /** One suite as a subcommand: its options are mixed in, the shared ones inherited. */
    @Command(mixinStandardHelpOptions = true)
    static final class SuiteCommand implements Callable<Integer> {
        private final AuditCommand parent;
        private final Suite suite;
        private final Object options;

        SuiteCommand(AuditCommand parent, Suite suite, Object options) {
            this.parent = parent;
            this.suite = suite;
            this.options = options;
        }

        @Override
        public Integer call() {
            return parent.runSuite(suite, options);
        }
    }

    static final class LaneConverter implements CommandLine.ITypeConverter<Lane> {
        @Override
        public Lane convert(String value) {
            return Lane.of(value);
        }
    }
}
