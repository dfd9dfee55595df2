package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.NameTransformer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The summary of a run, recomputable from its samples (verify checks this): the figures every workload shares, then
 * the workload's own blocks ({@link #blocks}), each keyed by a {@link MetricsBlock} its workload declares and written
 * after the shared figures in the order the workload added them. {@code Metrics} names no workload: a new workload
 * adds its blocks without touching this file (docs/architecture.md §5.3).
 *
 * @param score the workload's primary metric over graded attempts (null when none, or for throughput)
 * @param ci95Low cluster-robust (by task) 95% interval, clipped to [0, 1]; null with fewer than 2 tasks
 * @param tasks tasks with at least one attempt
 * @param attempts attempts finished (graded or errored)
 * @param graded attempts that received a verdict
 * @param errors errored attempts by cause id
 * @param truncated graded attempts that stopped at max_tokens
 * @param outputTokens completion tokens per attempt with a response, reasoning included
 * @param scorePer1kOutputTokens score divided by mean output tokens per 1,000
 * @param blocks the workload's blocks (math's pass@k, long context's cells, the bench's points, …); none for arith
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"score", "ci95Low", "ci95High", "tasks", "attempts", "graded", "errors", "truncated", "outputTokens",
        "reasoningTokens", "scorePer1kOutputTokens"})
public record Metrics(Double score, Double ci95Low, Double ci95High, int tasks, int attempts, int graded,
                      Map<String, Integer> errors, int truncated, TokenSummary outputTokens,
                      TokenSummary reasoningTokens, Double scorePer1kOutputTokens,
                      @JsonUnwrapped @JsonSerialize(using = Blocks.Writer.class) Blocks blocks) {
    /** The JSON names of the shared figures; every other key under {@code metrics} is a workload block. */
    static final Set<String> SHARED_FIELDS = Set.of("score", "ci95Low", "ci95High", "tasks", "attempts", "graded",
            "errors", "truncated", "outputTokens", "reasoningTokens", "scorePer1kOutputTokens");

    /** Reads blocks into their records and compares them; configured like {@code store.Json} where it matters. */
    private static final ObjectMapper BLOCKS_MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public Metrics {
        errors = errors == null ? Map.of() : new TreeMap<>(errors);
        blocks = blocks == null ? Blocks.NONE : blocks;
    }

    /** The figures every workload shares, with no workload block (what a workload's figures then add to). */
    public static Metrics shared(Double score, Double ci95Low, Double ci95High, int tasks, int attempts, int graded,
                                 Map<String, Integer> errors, int truncated, TokenSummary outputTokens,
                                 TokenSummary reasoningTokens, Double scorePer1kOutputTokens) {
        return new Metrics(score, ci95Low, ci95High, tasks, attempts, graded, errors, truncated, outputTokens,
                reasoningTokens, scorePer1kOutputTokens, Blocks.NONE);
    }

    /** run.json's {@code metrics} object: the shared figures by name, every other key kept as a block's JSON. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Metrics fromJson(ObjectNode node) {
        ObjectNode shared = node.objectNode();
        Map<String, Object> blocks = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (SHARED_FIELDS.contains(e.getKey())) {
                shared.set(e.getKey(), e.getValue());
            } else if (!e.getValue().isNull()) {
                blocks.put(e.getKey(), e.getValue());
            }
        }
        try {
            Shared s = BLOCKS_MAPPER.treeToValue(shared, Shared.class);
            return new Metrics(s.score, s.ci95Low, s.ci95High, s.tasks, s.attempts, s.graded, s.errors, s.truncated,
                    s.outputTokens, s.reasoningTokens, s.scorePer1kOutputTokens, new Blocks(blocks));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metrics: " + e.getOriginalMessage(), e);
        }
    }

    /** The shared figures as they appear in JSON (the record's own creator is the delegating one above). */
    private record Shared(Double score, Double ci95Low, Double ci95High, int tasks, int attempts, int graded,
                          Map<String, Integer> errors, int truncated, TokenSummary outputTokens,
                          TokenSummary reasoningTokens, Double scorePer1kOutputTokens) {
    }

    /** The block, or null when this run has none (another workload's run, or nothing graded). */
    public <T> T get(MetricsBlock<T> block) {
        return blocks.get(block);
    }

    /** These metrics with {@code block} set to {@code value} (a null value leaves the block absent). */
    public <T> Metrics with(MetricsBlock<T> block, T value) {
        return new Metrics(score, ci95Low, ci95High, tasks, attempts, graded, errors, truncated, outputTokens,
                reasoningTokens, scorePer1kOutputTokens, blocks.with(block.name(), value));
    }

    public Metrics withScore(Double score, Double ci95Low, Double ci95High, Double scorePer1kOutputTokens) {
        return new Metrics(score, ci95Low, ci95High, tasks, attempts, graded, errors, truncated, outputTokens,
                reasoningTokens, scorePer1kOutputTokens, blocks);
    }

    public int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The workload blocks in the order written. A block set by its workload is its record; one read from a file is
     * its JSON, turned into the record when first asked for. Two {@code Blocks} are equal when their JSON is.
     */
    public static final class Blocks {
        static final Blocks NONE = new Blocks(Map.of());

        private final Map<String, Object> values;
        private final Map<String, Object> typed = new ConcurrentHashMap<>();
        private volatile String canonical;

        private Blocks(Map<String, Object> values) {
            this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        public Set<String> names() {
            return values.keySet();
        }

        @SuppressWarnings("unchecked")
        <T> T get(MetricsBlock<T> block) {
            Object v = values.get(block.name());
            if (v instanceof JsonNode json) {
                return (T) typed.computeIfAbsent(block.name(), k -> BLOCKS_MAPPER.convertValue(json, block.type()));
            }
            return (T) v;
        }

        Blocks with(String name, Object value) {
            if (value == null) {
                return this;
            }
            Map<String, Object> next = new LinkedHashMap<>(values);
            next.put(name, value);
            return new Blocks(next);
        }

        private String canonical() {
            if (canonical == null) {
                try {
                    canonical = BLOCKS_MAPPER.writeValueAsString(new TreeMap<>(values));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return canonical;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Blocks b && canonical().equals(b.canonical());
        }

        @Override
        public int hashCode() {
            return canonical().hashCode();
        }

        @Override
        public String toString() {
            return canonical();
        }

        /**
         * Writes the blocks as properties of {@code metrics}, after the shared figures, in the order added: not sorted
         * by name like other maps (store.Json), so run.json keeps each workload's own order (agent, passHatK, byFault).
         */
        static final class Writer extends JsonSerializer<Blocks> {
            @Override
            public boolean isUnwrappingSerializer() {
                return true;
            }

            @Override
            public JsonSerializer<Blocks> unwrappingSerializer(NameTransformer unwrapper) {
                return this;
            }

            @Override
            public void serialize(Blocks blocks, JsonGenerator out, SerializerProvider provider) throws IOException {
                for (Map.Entry<String, Object> e : blocks.values.entrySet()) {
                    out.writeFieldName(e.getKey());
                    provider.defaultSerializeValue(e.getValue(), out);
                }
            }
        }
    }
}
