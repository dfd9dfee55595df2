package dev.claimcheck.core.suite.longctx;

import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.RegradeMethod;
import dev.claimcheck.core.grade.AnswerSetGrader;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.LongctxTaskKey;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.tokens.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Long-context retrieval, tracing and aggregation over generated mixed-format documents of exact token lengths
 * (README.md beside this class; docs/workloads/longctx.md). Tasks are small descriptors: a prompt of up to 1M
 * tokens is rendered on demand by {@link #messages}, from the seed and the task id alone, and never stored.
 */
public final class LongctxSuite implements Suite {
    /** Bumped whenever a prompt or an expected answer for the same seed and options could change. */
    public static final String GENERATOR_VERSION = "1";

    private final Grader grader = new AnswerSetGrader();
    private final Map<String, FillerPool> pools = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "longctx";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Workload workload() {
        return Workload.LONGCTX;
    }

    @Override
    public String description() {
        return "Needles, multi-key/value/query retrieval, variable tracking, aggregation and QA in generated "
                + "mixed-format documents of exact token lengths, swept over length × depth × distractor density.";
    }

    @Override
    public Object newOptions() {
        return new LongctxOptions();
    }

    /**
     * Lists the task descriptors with their expected answers (cheap: no filler is generated). The dataset hash
     * covers generator version, tokenizer, ids and answers; each prompt's own hash is checked per sample by verify.
     */
    @Override
    public Prepared prepare(SuiteContext context) {
        LongctxGrid grid = LongctxGrid.of(context.options(LongctxOptions.class));
        List<Task> tasks = new ArrayList<>();
        StringBuilder all = new StringBuilder("longctx generator " + GENERATOR_VERSION + " " + grid.tokenizer() + "\n");
        for (LongctxTaskKey key : grid.keys()) {
            Problem p = problem(context.seed(), key);
            String expected = AnswerSetGrader.expected(p.answer());
            Map<String, String> meta = new TreeMap<>();
            meta.put("targetTokens", Integer.toString(key.length()));
            meta.put("length", Integer.toString(key.length()));
            meta.put("depth", Integer.toString(key.depth()));
            meta.put("kind", key.kind());
            meta.put("format", key.format());
            meta.put("density", Integer.toString(key.density()));
            meta.put("tokenizer", grid.tokenizer());
            // A stand-in: the real prompt is rendered by messages(); it is too large to keep for every task.
            tasks.add(new Task(key.id(), List.of(ChatMessage.user("[longctx " + key.id() + ": rendered on demand]")),
                    expected, false, meta));
            all.append(key.id()).append('\n').append(expected).append('\n');
        }
        checkRoom(grid, context.seed());
        String name = "longctx-generated-" + grid.tokenizer();
        return new Prepared(new DatasetRef(name, PromptHash.sha256Hex(all.toString()), "generated:seed=" + context.seed(),
                true, GENERATOR_VERSION), tasks);
    }

    /**
     * Fails before anything is sent when a task's question and planted lines would leave too little room for filler:
     * checked for every kind at the shortest length and the highest density (the tightest combination).
     */
    private static void checkRoom(LongctxGrid grid, long seed) {
        Tokenizer tokenizer = Tokenizer.named(grid.tokenizer());
        int length = grid.lengths().get(0);
        int density = grid.densities().get(grid.densities().size() - 1);
        for (Kind kind : grid.kinds()) {
            for (Format format : Format.values()) {
                LongctxTaskKey key = new LongctxTaskKey(length, 50, kind.id, format.id, density, 0);
                long overhead = LongctxPrompt.overhead(tokenizer, problem(seed, key));
                if (length - overhead < length / 4) {
                    throw new dev.claimcheck.core.BadInputException("--lengths " + length + " is too short for " + kind.id
                            + " at density " + density + " (question and planted lines take " + overhead
                            + " tokens); use a longer length or a lower --densities");
                }
            }
        }
    }

    @Override
    public List<ChatMessage> messages(Task task, SuiteContext context) {
        LongctxTaskKey key = key(task);
        String tokenizer = context.options(LongctxOptions.class).tokenizer;
        FillerPool pool = pools.computeIfAbsent(context.seed() + "/" + tokenizer,
                k -> new FillerPool(context.seed(), Tokenizer.named(tokenizer)));
        return List.of(ChatMessage.user(render(pool, context.seed(), key)));
    }

    /** The prompt text of a task; public to the package for the determinism test and the benchmark. */
    static String render(FillerPool pool, long seed, LongctxTaskKey key) {
        return LongctxPrompt.render(pool, random(seed, key, "haystack"), problem(seed, key), key.length(), key.id());
    }

    static Problem problem(long seed, LongctxTaskKey key) {
        return Kind.of(key.kind()).plan(random(seed, key, "plan"), Format.of(key.format()), key.depth() / 100.0,
                LongctxGrid.distractors(key));
    }

    @Override
    public Figures figures() {
        return LongctxFigures.INSTANCE;
    }

    @Override
    public RegradeMethod regrade() {
        return RegradeMethod.REGENERATE;
    }

    @Override
    public Grader grader() {
        return grader;
    }

    /** The answer line, right or (for the simulator's wrong draws) a decoy's; the depth lets sim:depthDecay act. */
    @Override
    public Optional<OracleEntry> oracleEntry(Task task, SuiteContext context) {
        LongctxTaskKey key = key(task);
        Problem p = problem(context.seed(), key);
        return Optional.of(new OracleEntry.PlainAnswer("Answer: " + AnswerSetGrader.expected(p.answer()),
                "Answer: " + AnswerSetGrader.expected(p.wrong()), key.depth() / 100.0));
    }

    private static LongctxTaskKey key(Task task) {
        return LongctxTaskKey.parse(task.id())
                .orElseThrow(() -> new IllegalArgumentException("not a long-context task id: " + task.id()));
    }

    /** A generator of its own per task and purpose, from the run seed and the task id (no shared stream). */
    private static SplittableRandom random(long seed, LongctxTaskKey key, String purpose) {
        String hex = PromptHash.sha256Hex(seed + "/" + key.id() + "/" + purpose);
        return new SplittableRandom(Long.parseUnsignedLong(hex.substring(0, 16), 16));
    }
}
