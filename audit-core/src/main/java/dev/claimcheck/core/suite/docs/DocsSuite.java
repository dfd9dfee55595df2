package dev.claimcheck.core.suite.docs;

import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.RegradeMethod;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.DocsGrader;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Grounded document review, the instant lane's staple: generated contracts, financial disclosures, support-ticket
 * histories and policies with planted facts; field extraction to a JSON schema, yes/no compliance checks with the
 * deciding clause, and knowledge-base questions answered with a quoted source span (README.md beside this class).
 */
public final class DocsSuite implements Suite {
    public static final String GENERATOR_VERSION = "1";
    static final List<String> TASK_KINDS = List.of("extract", "comply", "kbqa");
    private static final String OPEN = "<document>\n";
    private static final String CLOSE = "</document>";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DocsGrader grader = new DocsGrader();

    @Override
    public String id() {
        return "docs";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Workload workload() {
        return Workload.DOCS;
    }

    @Override
    public String description() {
        return "Generated contracts, disclosures, tickets and policies: field extraction to a JSON schema, compliance "
                + "checks and questions whose answers must cite a verbatim span (grounded accuracy).";
    }

    @Override
    public Object newOptions() {
        return new DocsOptions();
    }

    @Override
    public Prepared prepare(SuiteContext context) {
        DocsOptions o = context.options(DocsOptions.class);
        if (o.perKind < 1 || o.perKind > 10_000) {
            throw new BadInputException("--per-kind must be between 1 and 10000, got " + o.perKind);
        }
        List<Task> tasks = new ArrayList<>();
        StringBuilder all = new StringBuilder("docs generator " + GENERATOR_VERSION + "\n");
        for (String d : o.documents) {
            DocKind kind = docKind(d.strip());
            for (String t : o.tasks) {
                String task = t.strip();
                if (!TASK_KINDS.contains(task)) {
                    throw new BadInputException("--tasks: unknown task kind '" + t + "' (known: " + String.join(",", TASK_KINDS) + ")");
                }
                for (int i = 0; i < o.perKind; i++) {
                    String id = String.format(Locale.ROOT, "docs-%s-%s-%04d", kind.id, task, i);
                    Document doc = kind.generate(random(context.seed(), id));
                    String prompt = "Review the document below and answer from it alone.\n\n" + OPEN + doc.text() + CLOSE
                            + "\n\n" + instruction(task, doc);
                    String expected = expected(task, doc);
                    tasks.add(new Task(id, List.of(ChatMessage.user(prompt)), expected, false,
                            Map.of("document", kind.id, "task", task)));
                    all.append(id).append('\n').append(prompt).append('\n').append(expected).append('\n');
                }
            }
        }
        return new Prepared(new DatasetRef("docs-generated", PromptHash.sha256Hex(all.toString()),
                "generated:seed=" + context.seed(), true, GENERATOR_VERSION), tasks);
    }

    @Override
    public Figures figures() {
        return DocsFigures.INSTANCE;
    }

    @Override
    public RegradeMethod regrade() {
        return RegradeMethod.REGENERATE;
    }

    @Override
    public Grader grader() {
        return grader;
    }

    /** Citations are checked against the task's own document. */
    @Override
    public Verdict grade(Task task, String responseContent) {
        return grader.grade(responseContent, task.expected(), document(task));
    }

    /**
     * The right JSON, or a wrong one: for extraction one field off; for cited answers alternately a right answer with a
     * fabricated citation (not grounded) and a wrong answer with a real one.
     */
    @Override
    public Optional<OracleEntry> oracleEntry(Task task, SuiteContext context) {
        Document doc = DocKind.of(task.meta().get("document")).generate(random(context.seed(), task.id()));
        String kind = task.meta().get("task");
        boolean fabricate = Integer.parseInt(task.id().substring(task.id().lastIndexOf('-') + 1)) % 2 == 0;
        ObjectNode right = JSON.createObjectNode();
        ObjectNode wrong = JSON.createObjectNode();
        switch (kind) {
            case "extract" -> {
                String off = doc.fields().keySet().iterator().next();
                doc.fields().forEach((name, value) -> {
                    boolean integer = doc.types().get(name).equals("integer");
                    if (integer) {
                        right.put(name, Long.parseLong(value));
                        wrong.put(name, name.equals(off) ? Long.parseLong(value) + 1 : Long.parseLong(value));
                    } else {
                        right.put(name, value);
                        wrong.put(name, name.equals(off) ? value + " Group" : value);
                    }
                });
            }
            case "comply" -> {
                String yes = doc.check().yes() ? "yes" : "no";
                right.put("answer", yes).put("quote", doc.check().sentence());
                wrong.put("answer", fabricate ? yes : doc.check().yes() ? "no" : "yes")
                        .put("quote", fabricate ? "The parties agreed that " + doc.check().decisive() + " is the rule." : doc.check().sentence());
            }
            default -> {
                right.put("answer", doc.qa().answer()).put("quote", doc.qa().sentence());
                wrong.put("answer", fabricate ? doc.qa().answer() : "not stated")
                        .put("quote", fabricate ? "The records name " + doc.qa().answer() + " for this." : doc.qa().sentence());
            }
        }
        return Optional.of(new OracleEntry.PlainAnswer(right.toString(), wrong.toString(), 0));
    }

    static String instruction(String task, Document doc) {
        return switch (task) {
            case "extract" -> {
                StringBuilder schema = new StringBuilder("{");
                doc.types().forEach((name, type) -> schema.append(schema.length() > 1 ? ", " : "").append('"').append(name)
                        .append("\": ").append(type.equals("date") ? "\"YYYY-MM-DD\"" : type));
                yield "Extract these fields and reply with one JSON object only, no other text: " + schema.append('}');
            }
            case "comply" -> "Question: " + doc.check().question() + "\nReply with one JSON object only: "
                    + "{\"answer\": \"yes\" or \"no\", \"quote\": the exact sentence of the document that decides it}";
            default -> "Question: " + doc.qa().question() + "\nReply with one JSON object only: "
                    + "{\"answer\": the answer in as few words as possible, \"quote\": the exact sentence of the document that states it}";
        };
    }

    static String expected(String task, Document doc) {
        ObjectNode e = JSON.createObjectNode().put("task", task);
        switch (task) {
            case "extract" -> {
                ObjectNode fields = e.putObject("fields");
                doc.fields().forEach(fields::put);
                ObjectNode types = e.putObject("types");
                doc.types().forEach(types::put);
            }
            case "comply" -> e.put("answer", doc.check().yes() ? "yes" : "no").put("decisive", doc.check().decisive());
            default -> e.put("answer", doc.qa().answer());
        }
        return e.toString();
    }

    /** The document text inside the task's prompt. */
    static String document(Task task) {
        String prompt = task.messages().get(task.messages().size() - 1).content();
        int start = prompt.indexOf(OPEN);
        int end = prompt.lastIndexOf(CLOSE);
        return start < 0 || end < start ? null : prompt.substring(start + OPEN.length(), end);
    }

    private static DocKind docKind(String id) {
        try {
            return DocKind.of(id);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--documents: unknown document kind '" + id + "' (known: contract,disclosure,ticket,policy)");
        }
    }

    private static SplittableRandom random(long seed, String taskId) {
        String hex = PromptHash.sha256Hex(seed + "/" + taskId);
        return new SplittableRandom(Long.parseUnsignedLong(hex.substring(0, 16), 16));
    }
}
