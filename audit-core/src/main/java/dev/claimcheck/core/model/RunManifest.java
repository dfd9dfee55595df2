package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code run.json}: everything needed to understand, resume and re-check a run (docs/architecture.md §4.2).
 * Written at start with status running, rewritten at the end; a signed one is immutable.
 *
 * @param secretsRedacted how many times a known credential (or a Bearer token in server text) was replaced by
 *     {@code <redacted>} in what the endpoint sent back: its self-description, error messages, the model's output.
 *     Null when none (and in runs written before the field existed); counted by the sessions that reached a
 *     checkpoint, so a killed session's replacements are made but not counted (docs/architecture.md §9.1)
 * @param shard for an {@code audit --shard i/n} run, which part of the (task, attempt) pairs it ran; null otherwise
 * @param mergedShards for a run made by {@code audit --merge}, the shards it was made of; null otherwise
 * @param regradeOf for a run made by {@code grade --run}, the recorded run whose samples it re-graded: its folder
 *     relative to the root, the SHA-256 of its MANIFEST (null when unsigned) and its run id; null otherwise
 * @param tasks the task list the run committed to at its start (after --limit, skips and sharding); null for the
 *     bench, which has no tasks, and in runs recorded before the field existed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunManifest(String schema, String runId, RunStatus status, boolean simulated, Lane lane, Workload workload,
                          SuiteRef suite, ModelRef model, EndpointRef endpoint, HardwareRef hardware, RequestSpec request,
                          HarnessRef harness, FileRef recipe, FileRef claimRef, String startedAt, String finishedAt,
                          String stopReason, Metrics metrics, List<ProofRef> proofs, List<JournalRepair> journalRepairs,
                          Long secretsRedacted, ShardRef shard, MergedShards mergedShards, FileRef regradeOf,
                          TaskList tasks) {
    public static final String SCHEMA = "claimcheck/run/v1";

    public RunManifest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(model, "model");
        proofs = proofs == null ? List.of() : List.copyOf(proofs);
        journalRepairs = journalRepairs == null ? List.of() : List.copyOf(journalRepairs);
        if (secretsRedacted != null && secretsRedacted < 0) {
            throw new IllegalArgumentException("secretsRedacted must be >= 0, got " + secretsRedacted);
        }
        // Zero is written as absent, so a run without an echo keeps the run.json of older harnesses.
        secretsRedacted = secretsRedacted == null || secretsRedacted == 0 ? null : secretsRedacted;
    }

    /** A manifest without a task list commitment (set one with {@link #withTasks}). */
    public RunManifest(String schema, String runId, RunStatus status, boolean simulated, Lane lane, Workload workload,
                       SuiteRef suite, ModelRef model, EndpointRef endpoint, HardwareRef hardware, RequestSpec request,
                       HarnessRef harness, FileRef recipe, FileRef claimRef, String startedAt, String finishedAt,
                       String stopReason, Metrics metrics, List<ProofRef> proofs, List<JournalRepair> journalRepairs,
                       Long secretsRedacted, ShardRef shard, MergedShards mergedShards, FileRef regradeOf) {
        this(schema, runId, status, simulated, lane, workload, suite, model, endpoint, hardware, request, harness, recipe,
                claimRef, startedAt, finishedAt, stopReason, metrics, proofs, journalRepairs, secretsRedacted, shard,
                mergedShards, regradeOf, null);
    }

    /** A manifest that is neither a shard nor a merge of shards. */
    public RunManifest(String schema, String runId, RunStatus status, boolean simulated, Lane lane, Workload workload,
                       SuiteRef suite, ModelRef model, EndpointRef endpoint, HardwareRef hardware, RequestSpec request,
                       HarnessRef harness, FileRef recipe, FileRef claimRef, String startedAt, String finishedAt,
                       String stopReason, Metrics metrics, List<ProofRef> proofs, List<JournalRepair> journalRepairs,
                       Long secretsRedacted) {
        this(schema, runId, status, simulated, lane, workload, suite, model, endpoint, hardware, request, harness, recipe,
                claimRef, startedAt, finishedAt, stopReason, metrics, proofs, journalRepairs, secretsRedacted, null, null, null);
    }

    /** A manifest with nothing redacted. */
    public RunManifest(String schema, String runId, RunStatus status, boolean simulated, Lane lane, Workload workload,
                       SuiteRef suite, ModelRef model, EndpointRef endpoint, HardwareRef hardware, RequestSpec request,
                       HarnessRef harness, FileRef recipe, FileRef claimRef, String startedAt, String finishedAt,
                       String stopReason, Metrics metrics, List<ProofRef> proofs, List<JournalRepair> journalRepairs) {
        this(schema, runId, status, simulated, lane, workload, suite, model, endpoint, hardware, request, harness, recipe,
                claimRef, startedAt, finishedAt, stopReason, metrics, proofs, journalRepairs, null, null, null, null);
    }

    /** Identifies the suite, its version, its options and its data. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SuiteRef(String id, String version, DatasetRef dataset, Map<String, String> options) {
        public SuiteRef {
            options = options == null ? Map.of() : Map.copyOf(options);
        }
    }

    /**
     * A dataset by name and content hash; {@code source} is relative to the root or a file name, never absolute.
     *
     * @param sha256 of the file's bytes (for a generated set: of its content)
     * @param generatorVersion for generated suites, else null
     * @param rows rows read from a dataset file (null for generated sets)
     * @param fields which columns of the file were read as id, problem and answer (null for generated sets)
     * @param answersSha256 {@link AnswersHash} over every (task id, expected answer) pair, so a recipe can pin
     *     the answers and verify can check them without the dataset (null for generated sets)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DatasetRef(String name, String sha256, String source, boolean redistributable, String generatorVersion,
                             Integer rows, DatasetFields fields, String answersSha256) {
        /** A generated set: no file, no field mapping. */
        public DatasetRef(String name, String sha256, String source, boolean redistributable, String generatorVersion) {
            this(name, sha256, source, redistributable, generatorVersion, null, null, null);
        }
    }

    /** The columns (JSON keys or CSV headers) read as task id, problem text and answer. */
    public record DatasetFields(String id, String problem, String answer) {
        public DatasetFields {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(answer, "answer");
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelRef(String id, String slug, String revision) {
    }

    /**
     * The endpoint as reached. {@code simulator} holds the sim: options (null for a real endpoint);
     * {@code apiKeyEnv} names the environment variable the key came from — never the key. {@code wireProfile}: how
     * the engine spelled reasoning, usage and tool calls over the run's responses (null before any, and in older runs).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EndpointRef(String baseUrl, String apiFlavor, String engine, String engineVersion, JsonNode serverInfo,
                              JsonNode models, Map<String, String> simulator, String apiKeyEnv, Map<String, String> headers,
                              RunFingerprint fingerprint, WireProfile wireProfile) {
        /** Without a fingerprint (a bench, a run made before fingerprints, or one taken later). */
        public EndpointRef(String baseUrl, String apiFlavor, String engine, String engineVersion, JsonNode serverInfo,
                           JsonNode models, Map<String, String> simulator, String apiKeyEnv, Map<String, String> headers) {
            this(baseUrl, apiFlavor, engine, engineVersion, serverInfo, models, simulator, apiKeyEnv, headers, null, null);
        }

        /** Before any response was seen (no wire profile yet). */
        public EndpointRef(String baseUrl, String apiFlavor, String engine, String engineVersion, JsonNode serverInfo,
                           JsonNode models, Map<String, String> simulator, String apiKeyEnv, Map<String, String> headers,
                           RunFingerprint fingerprint) {
            this(baseUrl, apiFlavor, engine, engineVersion, serverInfo, models, simulator, apiKeyEnv, headers, fingerprint,
                    null);
        }

        /** The same endpoint with other server information (a bench adds its Prometheus summary). */
        public EndpointRef withServerInfo(JsonNode info) {
            return new EndpointRef(baseUrl, apiFlavor, engine, engineVersion, info, models, simulator, apiKeyEnv, headers,
                    fingerprint, wireProfile);
        }

        /** The same endpoint with {@code fingerprint} recorded. */
        public EndpointRef withFingerprint(RunFingerprint fingerprint) {
            return new EndpointRef(baseUrl, apiFlavor, engine, engineVersion, serverInfo, models, simulator, apiKeyEnv, headers,
                    fingerprint, wireProfile);
        }

        /**
         * The same endpoint with the wire profile of more responses merged into the one recorded (a resumed run keeps
         * what its earlier sessions saw); none seen leaves it as it is.
         */
        public EndpointRef withWireProfileSeen(WireProfile seen) {
            if (seen == null || seen.responses() == 0) {
                return this;
            }
            return new EndpointRef(baseUrl, apiFlavor, engine, engineVersion, serverInfo, models, simulator, apiKeyEnv, headers,
                    fingerprint, wireProfile == null ? seen : wireProfile.merge(seen));
        }
    }

    /**
     * The serving hardware: {@code source} is {@code probed} (read by the harness beside the server),
     * {@code declared} ({@code bench --hardware}) or {@code unknown}.
     *
     * @param settings declared deployment settings (tp, pp, dp, dtype, quantization, image, commit, ...) and probed
     *     extras (memoryTotal); null when none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HardwareRef(String gpu, Integer gpuCount, Integer nodes, String driver, String source,
                              Map<String, String> settings) {
        public static final HardwareRef UNKNOWN = new HardwareRef(null, null, null, null, "unknown");

        public HardwareRef {
            settings = settings == null || settings.isEmpty() ? null : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(settings));
        }

        public HardwareRef(String gpu, Integer gpuCount, Integer nodes, String driver, String source) {
            this(gpu, gpuCount, nodes, driver, source, null);
        }
    }

    /**
     * What was sent: the exact request template (body minus messages), k, seed and the run limits.
     *
     * @param servedContext the context length the endpoint advertised (vLLM {@code max_model_len}, llama.cpp
     *     {@code n_ctx}, SGLang {@code max_context_length}); each attempt's {@code max_tokens} was capped to it minus
     *     the prompt's estimated tokens, the capped value in the sample's {@code request}. Null when none was advertised.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RequestSpec(ObjectNode template, int k, long seed, Integer limit, int concurrency,
                              Long maxTotalTokens, String systemPrompt, Long servedContext) {
        public RequestSpec(ObjectNode template, int k, long seed, Integer limit, int concurrency, Long maxTotalTokens,
                           String systemPrompt) {
            this(template, k, seed, limit, concurrency, maxTotalTokens, systemPrompt, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HarnessRef(String version, String gitCommit, Boolean dirty, Map<String, String> graders, BenchClient client) {
        public HarnessRef(String version, String gitCommit, Boolean dirty, Map<String, String> graders) {
            this(version, gitCommit, dirty, graders, null);
        }

        public HarnessRef withClient(BenchClient client) {
            return new HarnessRef(version, gitCommit, dirty, graders, client);
        }
    }

    /**
     * The client a bench measured from (docs/throughput.md "The bench's JVM and warm-up"): its timings depend on the
     * heap, the collector and what was warmed up as much as on the code.
     *
     * @param java {@code java.version}
     * @param jvmFlags the {@code -X} options it ran with (heap, collector; other arguments, which may carry secrets, are
     *     left out)
     * @param cpus the processors it saw
     * @param warmup what was done before each point's measured requests
     * @param receiveLag against a simulator: where receive lag comes from, or "not measured: " and why (a simulator
     *     not on this host's clock); null against an engine
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BenchClient(String java, List<String> jvmFlags, int cpus, String warmup, String receiveLag) {
        public BenchClient {
            jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileRef(String path, String sha256, String id) {
    }

    /**
     * A proof page in the root's {@code proofs/} (docs/architecture.md §4.2).
     *
     * @param path relative to the root, with forward slashes
     * @param sha256 of the file's bytes
     * @param why why it was selected: {@code correct}, {@code wrong}, {@code longest}, {@code truncated}, or
     *     several joined by {@code +} when one attempt fills several roles
     */
    public record ProofRef(String path, String sha256, String taskId, int attempt, String why) {
    }

    /**
     * The part of an audit one shard ran (docs/scale-out.md).
     *
     * @param rule the partition rule's id ({@code run.ShardPartition.RULE})
     * @param taskIdsSha256 SHA-256 over the full task list's ids, sorted, one per line: every shard of one run records
     *     the same, and the merged samples' task ids must hash to it
     * @param tasks the full task list's size (after --limit); the run has {@code tasks × k} pairs in all
     * @param pairs how many (task, attempt) pairs this shard was given
     */
    public record ShardRef(String rule, int index, int count, String taskIdsSha256, int tasks, long pairs) {
        public ShardRef {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(taskIdsSha256, "taskIdsSha256");
        }
    }

    /** What a merged run was made of: the partition every shard recorded, and each shard cited by its signed MANIFEST. */
    public record MergedShards(String rule, int count, String taskIdsSha256, int tasks, List<ShardCitation> shards) {
        public MergedShards {
            shards = shards == null ? List.of() : List.copyOf(shards);
        }
    }

    /**
     * One shard of a merged run.
     *
     * @param path the shard's run folder relative to the root, with forward slashes
     * @param manifestSha256 SHA-256 of the shard's MANIFEST, {@code signatureSha256} of its MANIFEST.sig
     */
    public record ShardCitation(int index, String runId, String path, String manifestSha256, String signatureSha256,
                                long pairs) {
    }

    /**
     * The commitment to the task list a run will run, written at its start (docs/verification.md, taskMissing): a signer
     * who later drops whole tasks and recomputes the metrics leaves a journal whose task ids no longer match it.
     *
     * @param count how many distinct task ids the journal of the complete run holds
     * @param idsSha256 SHA-256 (hex) over those ids, sorted, one per line ({@code run.ShardPartition.taskIdsSha256})
     */
    public record TaskList(int count, String idsSha256) {
        public TaskList {
            Objects.requireNonNull(idsSha256, "idsSha256");
            if (count < 0) {
                throw new IllegalArgumentException("tasks.count must be >= 0, got " + count);
            }
        }
    }

    /** A torn journal line cut off on resume: which file, at which byte offset, how many bytes were dropped. */
    public record JournalRepair(String file, long offset, long droppedBytes, String at) {
    }

    public RunManifest withStatus(RunStatus newStatus, String finished, String reason, Metrics newMetrics) {
        return new RunManifest(schema, runId, newStatus, simulated, lane, workload, suite, model, endpoint, hardware,
                request, harness, recipe, claimRef, startedAt, finished, reason, newMetrics, proofs, journalRepairs, secretsRedacted, shard, mergedShards, regradeOf, tasks);
    }

    public RunManifest withJournalRepairs(List<JournalRepair> repairs) {
        return new RunManifest(schema, runId, status, simulated, lane, workload, suite, model, endpoint, hardware,
                request, harness, recipe, claimRef, startedAt, finishedAt, stopReason, metrics, proofs, repairs, secretsRedacted, shard, mergedShards, regradeOf, tasks);
    }

    public RunManifest withProofs(List<ProofRef> newProofs) {
        return new RunManifest(schema, runId, status, simulated, lane, workload, suite, model, endpoint, hardware,
                request, harness, recipe, claimRef, startedAt, finishedAt, stopReason, metrics, newProofs, journalRepairs, secretsRedacted, shard, mergedShards, regradeOf, tasks);
    }

    public RunManifest withEndpoint(EndpointRef newEndpoint) {
        return new RunManifest(schema, runId, status, simulated, lane, workload, suite, model, newEndpoint, hardware,
                request, harness, recipe, claimRef, startedAt, finishedAt, stopReason, metrics, proofs, journalRepairs, secretsRedacted, shard, mergedShards, regradeOf, tasks);
    }

    /** The same manifest with {@code more} further replacements counted. */
    public RunManifest withSecretsRedacted(long more) {
        return new RunManifest(schema, runId, status, simulated, lane, workload, suite, model, endpoint, hardware,
                request, harness, recipe, claimRef, startedAt, finishedAt, stopReason, metrics, proofs, journalRepairs,
                (secretsRedacted == null ? 0 : secretsRedacted) + more, shard, mergedShards, regradeOf, tasks);
    }

    public RunManifest withShard(ShardRef newShard) {
        return new RunManifest(schema, runId, status, simulated, lane, workload, suite, model, endpoint, hardware,
                request, harness, recipe, claimRef, startedAt, finishedAt, stopReason, metrics, proofs, journalRepairs,
                secretsRedacted, newShard, mergedShards, regradeOf, tasks);
    }

    public RunManifest withRegradeOf(FileRef source) {
        return new RunManifest(schema, runId, status, simulated, lane, workload, suite, model, endpoint, hardware,
                request, harness, recipe, claimRef, startedAt, finishedAt, stopReason, metrics, proofs, journalRepairs,
                secretsRedacted, shard, mergedShards, source, tasks);
    }

    public RunManifest withMergedShards(MergedShards merged) {
        return new RunManifest(schema, runId, status, simulated, lane, workload, suite, model, endpoint, hardware,
                request, harness, recipe, claimRef, startedAt, finishedAt, stopReason, metrics, proofs, journalRepairs,
                secretsRedacted, shard, merged, regradeOf, tasks);
    }

    public RunManifest withTasks(TaskList committed) {
        return new RunManifest(schema, runId, status, simulated, lane, workload, suite, model, endpoint, hardware,
                request, harness, recipe, claimRef, startedAt, finishedAt, stopReason, metrics, proofs, journalRepairs,
                secretsRedacted, shard, mergedShards, regradeOf, committed);
    }
}
