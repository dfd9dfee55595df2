package dev.claimcheck.core.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The aggregate record of Every Eval Ever (evaleval/every_eval_ever, {@code eval.schema.json}, version
 * {@value EeeExport#SCHEMA_VERSION}) for one run: who evaluated (a third party), the model and engine, the generation
 * settings, the dataset and its hash, the score with its 95% interval, the workload's figure rows, and the simulated
 * flag in every place a reader looks (docs/exports.md lists the mapping and what does not map). Built as a JSON tree:
 * the foreign schema is snake_case and written only, never read back.
 */
final class EeeRecord {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EeeRecord() {
    }

    /** The evaluation id the aggregate record and its instance rows share. */
    static String evaluationId(RunManifest m) {
        return "claimcheck/" + m.suite().id() + "/" + m.model().id() + "/" + m.runId();
    }

    /** The one evaluation_results entry: the run's score (its id joins the instance rows to it). */
    static String resultId(RunManifest m) {
        return m.runId() + "/score";
    }

    /** The evaluation's name; a simulated run says so in the name itself. */
    static String evaluationName(RunManifest m) {
        return m.suite().id() + (m.simulated() ? " (SIMULATED: claimcheck simulator, not a model result)" : "");
    }

    static ObjectNode of(ExportedRun run, Instant retrieved, String instanceFile, String instanceSha256, int instanceRows) {
        RunManifest m = run.manifest();
        ObjectNode root = F.objectNode();
        root.put("schema_version", EeeExport.SCHEMA_VERSION);
        root.put("evaluation_id", evaluationId(m));
        if (m.finishedAt() != null) {
            root.put("evaluation_timestamp", m.finishedAt());
        }
        root.put("retrieved_timestamp", Long.toString(retrieved.getEpochSecond()));
        root.set("source_metadata", sourceMetadata(run));
        root.set("eval_library", evalLibrary(m));
        root.set("model_info", modelInfo(m));
        root.putArray("evaluation_results").add(scoreResult(run));
        ObjectNode detailed = root.putObject("detailed_evaluation_results");
        detailed.put("format", "jsonl");
        detailed.put("file_path", instanceFile);
        detailed.put("hash_algorithm", "sha256");
        detailed.put("checksum", instanceSha256);
        detailed.put("total_rows", instanceRows);
        return root;
    }

    private static ObjectNode sourceMetadata(ExportedRun run) {
        RunManifest m = run.manifest();
        ObjectNode s = F.objectNode();
        s.put("source_name", m.simulated() ? "claimcheck simulator run (SIMULATED, not a model result)" : "claimcheck audit run");
        s.put("source_type", "evaluation_run");
        s.put("source_organization_name", "claimcheck");
        s.put("evaluator_relationship", "third_party");
        ObjectNode d = s.putObject("additional_details");
        d.put("simulated", Boolean.toString(m.simulated()));
        d.put("run_id", m.runId());
        d.put("lane", m.lane().id());
        d.put("workload", m.workload().id());
        putIfPresent(d, "manifest_signature_fingerprint", run.signerFingerprint());
        d.put("manifest_signature_verified", "not by the export; run ./jbang verify@. on the run folder");
        if (m.recipe() != null) {
            d.put("recipe", m.recipe().path() + " sha256:" + m.recipe().sha256());
        }
        if (m.claimRef() != null) {
            d.put("claim", m.claimRef().path() + "#" + m.claimRef().id() + " sha256:" + m.claimRef().sha256());
        }
        return s;
    }

    private static ObjectNode evalLibrary(RunManifest m) {
        ObjectNode lib = F.objectNode();
        lib.put("name", "claimcheck");
        lib.put("version", m.harness() == null || m.harness().version() == null ? "unknown" : m.harness().version());
        ObjectNode d = lib.putObject("additional_details");
        d.put("simulated", Boolean.toString(m.simulated()));
        d.put("suite", m.suite().id() + "@" + m.suite().version());
        if (m.harness() != null) {
            putIfPresent(d, "git_commit", m.harness().gitCommit());
            if (m.harness().dirty() != null) {
                d.put("git_dirty", m.harness().dirty().toString());
            }
            if (m.harness().graders() != null) {
                m.harness().graders().forEach((id, version) -> d.put("grader." + id, version));
            }
        }
        return lib;
    }

    private static ObjectNode modelInfo(RunManifest m) {
        ObjectNode info = F.objectNode();
        info.put("name", m.model().id());
        info.put("id", m.model().id());
        int slash = m.model().id().indexOf('/');
        if (slash > 0) {
            info.put("developer", m.model().id().substring(0, slash));
        }
        if (m.endpoint() != null && m.endpoint().engine() != null) {
            ObjectNode engine = info.putObject("inference_engine");
            engine.put("name", m.endpoint().engine());
            putIfPresent(engine, "version", m.endpoint().engineVersion());
        }
        ObjectNode d = info.putObject("additional_details");
        d.put("slug", m.model().slug());
        putIfPresent(d, "revision", m.model().revision());
        if (m.endpoint() != null) {
            putIfPresent(d, "endpoint_base_url", m.endpoint().baseUrl());
            putIfPresent(d, "api_flavor", m.endpoint().apiFlavor());
        }
        if (m.hardware() != null) {
            putIfPresent(d, "hardware_gpu", m.hardware().gpu());
            if (m.hardware().gpuCount() != null) {
                d.put("hardware_gpu_count", m.hardware().gpuCount().toString());
            }
            putIfPresent(d, "hardware_source", m.hardware().source());
        }
        return info;
    }

    private static ObjectNode scoreResult(ExportedRun run) {
        RunManifest m = run.manifest();
        Metrics x = m.metrics();
        ObjectNode r = F.objectNode();
        r.put("evaluation_result_id", resultId(m));
        r.put("evaluation_name", evaluationName(m));
        r.set("source_data", sourceData(m));
        if (m.finishedAt() != null) {
            r.put("evaluation_timestamp", m.finishedAt());
        }
        ObjectNode config = r.putObject("metric_config");
        config.put("evaluation_description", SuiteRegistry.figures(m.workload()).measured());
        config.put("metric_id", "claimcheck." + m.workload().id() + ".score");
        config.put("metric_name", SuiteRegistry.figures(m.workload()).scoreLabel());
        config.put("metric_unit", "proportion");
        config.put("lower_is_better", false); // every claimcheck score is a rate of success (docs/architecture.md §5.3)
        config.put("score_type", "continuous");
        config.put("min_score", 0);
        config.put("max_score", 1);
        config.putObject("metric_parameters").put("k", m.request() == null ? 1 : m.request().k());
        ObjectNode score = r.putObject("score_details");
        score.put("score", x.score());
        ObjectNode details = score.putObject("details");
        details.put("simulated", Boolean.toString(m.simulated()));
        details.put("tasks", Integer.toString(x.tasks()));
        details.put("attempts", Integer.toString(x.attempts()));
        details.put("graded", Integer.toString(x.graded()));
        details.put("truncated", Integer.toString(x.truncated()));
        x.errors().forEach((cause, n) -> details.put("errors." + cause, Integer.toString(n)));
        if (x.outputTokens() != null) {
            details.put("outputTokens.mean", num(x.outputTokens().mean()));
            details.put("outputTokens.p50", num(x.outputTokens().p50()));
            details.put("outputTokens.p90", num(x.outputTokens().p90()));
        }
        if (x.reasoningTokens() != null) {
            details.put("reasoningTokens.mean", num(x.reasoningTokens().mean()));
        }
        if (x.scorePer1kOutputTokens() != null) {
            details.put("scorePer1kOutputTokens", num(x.scorePer1kOutputTokens()));
        }
        // The workload's figures, generically: EEE asks each result for a direction (lower_is_better) that a figure
        // row does not carry, so the rows travel here as strings rather than as results of their own.
        for (FigureRow row : run.rows()) {
            details.put(row.name(), String.valueOf(row.value()));
            if (row.ci95Low() != null && row.ci95High() != null) {
                details.put(row.name() + ".ci95", "[" + num(row.ci95Low()) + ", " + num(row.ci95High()) + "]");
            }
            if (row.n() != null) {
                details.put(row.name() + ".n", row.n().toString());
            }
        }
        if (x.ci95Low() != null && x.ci95High() != null) {
            ObjectNode u = score.putObject("uncertainty");
            ObjectNode ci = u.putObject("confidence_interval");
            ci.put("lower", x.ci95Low());
            ci.put("upper", x.ci95High());
            ci.put("confidence_level", 0.95);
            ci.put("method", "cluster-robust by task, t quantile on tasks - 1 degrees of freedom, clipped to [0, 1]");
            u.put("num_samples", x.tasks());
        }
        r.set("generation_config", generationConfig(m));
        return r;
    }

    private static ObjectNode sourceData(RunManifest m) {
        RunManifest.DatasetRef ds = m.suite().dataset();
        ObjectNode s = F.objectNode();
        s.put("dataset_name", ds == null || ds.name() == null ? m.suite().id() : ds.name());
        String source = ds == null ? null : ds.source();
        boolean url = source != null && (source.startsWith("https://") || source.startsWith("http://"));
        s.put("source_type", url ? "url" : "other");
        if (url) {
            s.putArray("url").add(source);
        }
        ObjectNode d = s.putObject("additional_details");
        if (ds != null) {
            putIfPresent(d, "sha256", ds.sha256());
            putIfPresent(d, "source", source);
            d.put("redistributable", Boolean.toString(ds.redistributable()));
            putIfPresent(d, "generator_version", ds.generatorVersion());
            if (ds.rows() != null) {
                d.put("rows", ds.rows().toString());
            }
            putIfPresent(d, "answers_sha256", ds.answersSha256());
        }
        m.suite().options().forEach((k, v) -> d.put("suite_option." + k, v));
        return s;
    }

    private static ObjectNode generationConfig(RunManifest m) {
        ObjectNode g = F.objectNode();
        ObjectNode args = g.putObject("generation_args");
        ObjectNode template = m.request() == null ? null : m.request().template();
        if (template != null) {
            copyNumber(template, "temperature", args, "temperature");
            copyNumber(template, "top_p", args, "top_p");
            copyNumber(template, "top_k", args, "top_k");
            if (template.path("max_tokens").canConvertToInt() && template.path("max_tokens").asInt() >= 1) {
                args.put("max_tokens", template.path("max_tokens").asInt());
            }
        }
        args.put("reasoning", m.lane() == Lane.THINKING);
        if (m.request() != null && m.request().systemPrompt() != null) {
            args.put("prompt_template", m.request().systemPrompt());
        }
        ObjectNode d = g.putObject("additional_details");
        d.put("lane", m.lane().id());
        d.put("simulated", Boolean.toString(m.simulated()));
        if (m.request() != null) {
            d.put("k", Integer.toString(m.request().k()));
            d.put("seed", Long.toString(m.request().seed()));
            if (template != null) {
                d.put("request_template", template.toString());
            }
        }
        if (m.endpoint() != null && m.endpoint().simulator() != null) {
            d.put("simulator_options", Json.mapper().valueToTree(Map.copyOf(m.endpoint().simulator())).toString());
        }
        return g;
    }

    private static void copyNumber(ObjectNode from, String key, ObjectNode to, String as) {
        if (from.path(key).isNumber()) {
            to.put(as, from.path(key).asDouble());
        }
    }

    static void putIfPresent(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
