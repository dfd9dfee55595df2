package dev.claimcheck.core.suite.mrcr;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.grade.MrcrGrader;
import dev.claimcheck.core.grade.mrcr.MrcrExpected;
import dev.claimcheck.core.model.AnswersHash;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.RunManifest.DatasetFields;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.DatasetPaths;
import dev.claimcheck.core.suite.RegradeMethod;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.longctx.LongctxFigures;
import dev.claimcheck.core.suite.longctx.MrcrBin;
import dev.claimcheck.core.suite.longctx.MrcrTaskKey;
import dev.claimcheck.core.tokens.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenAI MRCR (openai/mrcr on Hugging Face), a second suite of the long-context workload: each row's conversation
 * sent as published (every turn, in order), graded by the card's rule ({@link MrcrGrader}), reported by needle count
 * and by context bin counted in {@code --tokenizer} (README.md beside this class). Tasks keep a short stand-in: the
 * prompt (up to 1M tokens) is re-read from the file by {@link #messages} when it is sent, so a run never holds them all.
 */
public final class MrcrSuite implements Suite {
    static final DatasetFields FIELDS = new DatasetFields("row", "prompt", "random_string_to_prepend+answer");
    private final MrcrGrader grader = new MrcrGrader();
    private final Map<Path, MrcrDataset> open = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "mrcr";
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
        return "OpenAI MRCR (--dataset FILE.parquet): return the i-th of 2, 4 or 8 identical asks in a long conversation;"
                + " sequence-match ratio by needle count and context bin.";
    }

    @Override
    public Object newOptions() {
        return new MrcrOptions();
    }

    /**
     * Streams the file once: counts each row's tokens (every message's content plus the answer, as the card bins
     * them), keeps the rows of the chosen bins as tasks with their expected answer and prompt token count.
     */
    @Override
    public Prepared prepare(SuiteContext context) {
        MrcrOptions o = context.options(MrcrOptions.class);
        Set<String> bins = bins(o);
        Path file = resolve(o, context);
        MrcrDataset data = dataset(file);
        Tokenizer tokenizer = Tokenizer.named(o.tokenizer);
        List<Task> tasks = new ArrayList<>();
        Map<String, String> answers = new LinkedHashMap<>();
        data.forEach(row -> {
            long promptTokens = 0;
            for (ChatMessage m : row.messages()) {
                promptTokens += tokenizer.count(m.content());
            }
            Optional<MrcrBin> bin = MrcrBin.of(promptTokens + tokenizer.count(row.answer()));
            MrcrTaskKey key = MrcrTaskKey.of(row.needles(), bin, row.number());
            if (!bins.isEmpty() && !bins.contains(key.bin())) {
                return;
            }
            String expected = new MrcrExpected(row.prepend(), row.answer()).toJson();
            Map<String, String> meta = new TreeMap<>();
            meta.put("targetTokens", Long.toString(promptTokens));
            meta.put("needles", Integer.toString(row.needles()));
            meta.put("bin", key.bin());
            meta.put("tokenizer", tokenizer.name());
            // A stand-in: the conversation is re-read from the file by messages(); it is too large to keep for every task.
            tasks.add(new Task(key.id(), List.of(ChatMessage.user("[mrcr " + key.id() + ": read on demand]")), expected,
                    false, meta));
            answers.put(key.id(), expected);
        });
        if (tasks.isEmpty()) {
            throw new BadInputException(data.fileName() + ": no row in --bins " + String.join(",", bins));
        }
        String name = data.fileName().replaceFirst("\\.[^.]*$", "");
        DatasetRef ref = new DatasetRef(name, data.sha256(), DatasetPaths.recorded(file, context.root()), false, null,
                tasks.size(), FIELDS, AnswersHash.of(answers));
        return new Prepared(ref, tasks);
    }

    /** The row's conversation as published, re-read from the file. */
    @Override
    public List<ChatMessage> messages(Task task, SuiteContext context) {
        MrcrTaskKey key = MrcrTaskKey.parse(task.id())
                .orElseThrow(() -> new IllegalArgumentException("not an MRCR task id: " + task.id()));
        return dataset(resolve(context.options(MrcrOptions.class), context)).row(key.row()).messages();
    }

    @Override
    public Map<String, String> recordedOptions(Map<String, String> values, SuiteContext context) {
        Map<String, String> recorded = new TreeMap<>(values);
        recorded.put("--dataset", DatasetPaths.recorded(resolve(context.options(MrcrOptions.class), context), context.root()));
        return recorded;
    }

    @Override
    public Figures figures() {
        return LongctxFigures.INSTANCE;
    }

    @Override
    public RegradeMethod regrade() {
        return RegradeMethod.RECORDED_ANSWER;
    }

    @Override
    public Grader grader() {
        return grader;
    }

    /** The expected reply verbatim, and the same reply without its random string (which the rule scores 0). */
    @Override
    public Optional<OracleEntry> oracleEntry(Task task, SuiteContext context) {
        MrcrExpected e = MrcrExpected.parse(task.expected()).orElseThrow();
        String body = e.answer().startsWith(e.prepend()) ? e.answer().substring(e.prepend().length()) : e.answer();
        return Optional.of(new OracleEntry.VerbatimReply(e.answer(), body));
    }

    private MrcrDataset dataset(Path file) {
        return open.computeIfAbsent(file.toAbsolutePath().normalize(), MrcrDataset::open);
    }

    private static Set<String> bins(MrcrOptions o) {
        Set<String> out = new LinkedHashSet<>();
        if (o.bins != null) {
            for (String b : o.bins) {
                String label = b.strip().toLowerCase(java.util.Locale.ROOT);
                if (label.isEmpty()) {
                    continue;
                }
                if (MrcrBin.named(label).isEmpty()) {
                    throw new BadInputException("--bins: '" + b + "' is not a bin (8k, 16k, 32k, 64k, 128k, 256k, 512k, 1m)");
                }
                out.add(label);
            }
        }
        return out;
    }

    /** As given, else relative to the root (where a resumed run finds the path run.json records). */
    private static Path resolve(MrcrOptions o, SuiteContext context) {
        return DatasetPaths.resolve(o.dataset, "--dataset FILE is required for suite mrcr", context);
    }

}
