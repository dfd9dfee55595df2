package dev.claimcheck.core.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An inspect_ai {@code EvalLog} (log format version 2, JSON) for one run, so {@code inspect view} can browse its
 * transcripts: the eval spec, a one-step plan ({@code generate}, with the request template as its config), results
 * (the score, its interval and the workload's numeric figure rows as metrics), stats with the model's token usage, and
 * one sample per journal line (epoch = attempt + 1) with its messages, output, score and usage. What does not map is
 * listed in docs/exports.md.
 */
public final class InspectLog {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    public static final int VERSION = 2;

    private InspectLog() {
    }

    public static Path write(ExportedRun run, Path out) {
        RunManifest m = run.manifest();
        Path file = out.resolve(m.runId() + "_" + m.suite().id() + ".json");
        try {
            Files.createDirectories(out);
            Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(of(run)) + "\n",
                    StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new RunFailedException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    static ObjectNode of(ExportedRun run) {
        RunManifest m = run.manifest();
        ObjectNode log = F.objectNode();
        log.put("version", VERSION);
        log.put("status", "success");
        log.set("eval", spec(run));
        log.set("plan", plan(m));
        log.set("results", results(run));
        ObjectNode stats = log.putObject("stats");
        stats.put("started_at", m.startedAt() == null ? "" : m.startedAt());
        stats.put("completed_at", m.finishedAt() == null ? "" : m.finishedAt());
        stats.putObject("model_usage").set(m.model().id(), usage(run.samples()));
        ArrayNode samples = log.putArray("samples");
        run.samples().forEach(s -> samples.add(sample(m, s)));
        return log;
    }

    private static ObjectNode spec(ExportedRun run) {
        RunManifest m = run.manifest();
        ObjectNode e = F.objectNode();
        e.put("eval_id", m.runId());
        e.put("run_id", m.runId());
        e.put("created", m.startedAt());
        e.put("task", m.suite().id() + (m.simulated() ? " (SIMULATED)" : ""));
        e.put("task_id", m.suite().id());
        e.put("task_version", m.suite().version());
        e.set("task_args", Json.mapper().valueToTree(m.suite().options()));
        ObjectNode ds = e.putObject("dataset");
        if (m.suite().dataset() != null) {
            ds.put("name", m.suite().dataset().name());
            ds.put("location", m.suite().dataset().source());
        }
        ds.put("samples", run.samples().stream().map(Sample::taskId).distinct().count());
        e.put("model", m.model().id());
        if (m.endpoint() != null) {
            e.put("model_base_url", m.endpoint().baseUrl());
        }
        e.set("model_generate_config", m.request() == null || m.request().template() == null ? F.objectNode() : m.request().template());
        ObjectNode config = e.putObject("config");
        if (m.request() != null) {
            config.put("epochs", m.request().k());
            if (m.request().limit() != null) {
                config.put("limit", m.request().limit());
            }
            config.put("max_connections", m.request().concurrency());
        }
        if (m.harness() != null && m.harness().gitCommit() != null) {
            ObjectNode rev = e.putObject("revision");
            rev.put("type", "git");
            rev.put("origin", "claimcheck");
            rev.put("commit", m.harness().gitCommit());
            if (m.harness().dirty() != null) {
                rev.put("dirty", m.harness().dirty());
            }
        }
        e.putObject("packages").put("claimcheck", m.harness() == null ? "unknown" : String.valueOf(m.harness().version()));
        ObjectNode meta = e.putObject("metadata");
        meta.put("simulated", m.simulated());
        meta.put("lane", m.lane().id());
        meta.put("workload", m.workload().id());
        meta.put("claimcheck_schema", m.schema());
        if (run.signerFingerprint() != null) {
            meta.put("manifest_signature_fingerprint", run.signerFingerprint());
        }
        if (m.suite().dataset() != null) {
            meta.put("dataset_sha256", m.suite().dataset().sha256());
        }
        return e;
    }

    private static ObjectNode plan(RunManifest m) {
        ObjectNode plan = F.objectNode();
        plan.put("name", "plan");
        ObjectNode step = plan.putArray("steps").addObject();
        step.put("solver", m.workload() == dev.claimcheck.core.model.Workload.AGENT ? "claimcheck_agent_episode" : "generate");
        step.putObject("params");
        if (m.request() != null && m.request().template() != null) {
            plan.set("config", m.request().template());
        }
        return plan;
    }

    private static ObjectNode results(ExportedRun run) {
        Metrics x = run.manifest().metrics();
        ObjectNode r = F.objectNode();
        r.put("total_samples", x.attempts());
        r.put("completed_samples", x.graded());
        ObjectNode score = r.putArray("scores").addObject();
        score.put("name", run.manifest().suite().id());
        score.put("scorer", run.manifest().suite().id());
        score.putObject("params");
        ObjectNode metrics = score.putObject("metrics");
        metric(metrics, "score", x.score());
        metric(metrics, "ci95_low", x.ci95Low());
        metric(metrics, "ci95_high", x.ci95High());
        for (FigureRow row : run.rows()) {
            if (row.value() instanceof Number n) {
                metric(metrics, row.name(), n.doubleValue());
            }
        }
        return r;
    }

    private static void metric(ObjectNode metrics, String name, Double value) {
        if (value != null) {
            ObjectNode mm = metrics.putObject(name);
            mm.put("name", name);
            mm.put("value", value);
            mm.putObject("params");
        }
    }

    private static ObjectNode sample(RunManifest m, Sample s) {
        ObjectNode o = F.objectNode();
        o.put("id", s.taskId());
        o.put("epoch", s.attempt() + 1);
        List<ChatMessage> prompt = s.messages() == null ? List.of() : s.messages();
        if (prompt.isEmpty()) {
            o.put("input", "sha256:" + s.promptSha256() + " (prompt not stored in the run)");
        } else {
            ArrayNode input = o.putArray("input");
            prompt.forEach(msg -> input.add(message(msg)));
        }
        o.put("target", s.verdict() == null || s.verdict().expected() == null ? "" : s.verdict().expected());
        ArrayNode messages = o.putArray("messages");
        List<ChatMessage> all = new ArrayList<>(prompt);
        if (s.transcript() != null) {
            all.addAll(s.transcript());
        } else if (s.response() != null) {
            all.add(new ChatMessage("assistant", s.response().content(), s.response().toolCalls(), null));
        }
        all.forEach(msg -> messages.add(message(msg)));
        ObjectNode output = o.putObject("output");
        output.put("model", m.model().id());
        ArrayNode choices = output.putArray("choices");
        if (s.response() != null) {
            ObjectNode choice = choices.addObject();
            ObjectNode msg = message(new ChatMessage("assistant", s.response().content(), s.response().toolCalls(), null));
            choice.set("message", msg);
            choice.put("stop_reason", stopReason(s.response().finishReason()));
        }
        output.set("usage", usage(List.of(s)));
        if (s.verdict() != null) {
            ObjectNode sc = o.putObject("scores").putObject(m.suite().id());
            sc.put("value", s.verdict().score());
            sc.put("answer", s.verdict().extracted());
            sc.put("explanation", s.verdict().detail());
            ObjectNode meta = sc.putObject("metadata");
            meta.put("correct", s.verdict().correct());
            meta.put("grader", s.verdict().grader() + "@" + s.verdict().graderVersion());
        }
        ObjectNode meta = o.putObject("metadata");
        meta.put("prompt_sha256", s.promptSha256());
        meta.put("simulated", m.simulated());
        if (s.timing().e2eMs() != null) {
            o.put("total_time", s.timing().e2eMs() / 1000.0);
        }
        if (s.error() != null) {
            ObjectNode err = o.putObject("error");
            err.put("message", s.error().cause().id() + ": " + s.error().message());
            err.put("traceback", "");
            err.put("traceback_ansi", "");
        }
        return o;
    }

    private static ObjectNode message(ChatMessage msg) {
        ObjectNode o = F.objectNode();
        o.put("role", msg.role());
        o.put("content", msg.content() == null ? "" : msg.content());
        if (msg.toolCalls() != null && !msg.toolCalls().isEmpty()) {
            ArrayNode calls = o.putArray("tool_calls");
            for (ToolCall call : msg.toolCalls()) {
                ObjectNode c = calls.addObject();
                c.put("id", call.id());
                c.put("function", call.name());
                c.set("arguments", arguments(call.arguments()));
                c.put("type", "function");
            }
        }
        if (msg.toolCallId() != null) {
            o.put("tool_call_id", msg.toolCallId());
        }
        return o;
    }

    /** inspect's tool-call arguments are an object; text that is not one is kept under {@code raw} (and a parse_error). */
    private static com.fasterxml.jackson.databind.JsonNode arguments(String text) {
        try {
            var parsed = Json.mapper().readTree(text == null || text.isBlank() ? "{}" : text);
            if (parsed.isObject()) {
                return parsed;
            }
        } catch (IOException | RuntimeException e) {
            // kept as sent, below
        }
        return F.objectNode().put("raw", text);
    }

    /** OpenAI finish reasons in inspect's vocabulary. */
    static String stopReason(String finishReason) {
        if (finishReason == null) {
            return "unknown";
        }
        return switch (finishReason) {
            case "stop" -> "stop";
            case "length" -> "max_tokens";
            case "tool_calls" -> "tool_calls";
            case "content_filter" -> "content_filter";
            default -> "unknown";
        };
    }

    private static ObjectNode usage(List<Sample> samples) {
        long in = 0, out = 0, reasoning = 0, cached = 0;
        for (Sample s : samples) {
            in += s.usage().promptTokens();
            out += s.usage().completionTokens();
            reasoning += s.usage().reasoningTokens();
            cached += s.usage().cachedTokens();
        }
        ObjectNode u = F.objectNode();
        u.put("input_tokens", in);
        u.put("output_tokens", out);
        u.put("total_tokens", in + out);
        u.put("input_tokens_cache_read", cached);
        u.put("reasoning_tokens", reasoning);
        return u;
    }
}
