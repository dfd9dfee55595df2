package dev.claimcheck.core.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.model.ModelSlug;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a run as Every Eval Ever expects it: {@code data/<benchmark>/<developer>/<model>/<run-id>.json} (the
 * aggregate record, {@link EeeRecord}) and {@code <run-id>.samples.jsonl} beside it (the instance rows,
 * {@link EeeInstances}), the aggregate naming the rows file with its sha256 (docs/exports.md).
 */
public final class EeeExport {
    /**
     * The version of evaleval/every_eval_ever's schemas this export follows: the newest published definitions read
     * when it was written (docs/exports.md says where they come from).
     */
    public static final String SCHEMA_VERSION = "0.2.2";
    public static final String INSTANCE_SCHEMA_VERSION = "instance_level_eval_" + SCHEMA_VERSION;

    /** The two files written for one run. */
    public record Written(Path aggregate, Path instances) {
    }

    private EeeExport() {
    }

    public static Written write(ExportedRun run, Path out, Instant retrieved) {
        RunManifest m = run.manifest();
        if (m.workload() == Workload.THROUGHPUT || m.metrics().score() == null) {
            throw new BadInputException(run.dir() + ": a " + m.workload().id()
                    + " run has no score, and Every Eval Ever's evaluation_results need one (docs/exports.md)");
        }
        Path dir = out.resolve("data").resolve(benchmark(m)).resolve(developer(m)).resolve(modelName(m));
        Path instances = dir.resolve(m.runId() + ".samples.jsonl");
        Path aggregate = dir.resolve(m.runId() + ".json");
        try {
            Files.createDirectories(dir);
            List<ObjectNode> rows = EeeInstances.of(run);
            StringBuilder jsonl = new StringBuilder();
            for (ObjectNode row : rows) {
                jsonl.append(Json.mapper().writeValueAsString(row)).append('\n');
            }
            Files.writeString(instances, jsonl, StandardCharsets.UTF_8);
            ObjectNode record = EeeRecord.of(run, retrieved, instances.getFileName().toString(), Manifest.sha256(instances), rows.size());
            Files.writeString(aggregate, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(record) + "\n", StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new RunFailedException("cannot write the export under " + dir + ": " + e.getMessage(), e);
        }
        return new Written(aggregate, instances);
    }

    /**
     * The benchmark folder: the dataset's name for a dataset file (gsm8k); the suite id for a generated set, whose name
     * changes with its options (one benchmark, not one folder per option).
     */
    static String benchmark(RunManifest m) {
        RunManifest.DatasetRef ds = m.suite().dataset();
        String name = ds != null && ds.name() != null && ds.generatorVersion() == null ? ds.name() : m.suite().id();
        return ModelSlug.of(name);
    }

    static String developer(RunManifest m) {
        int slash = m.model().id().indexOf('/');
        return slash > 0 ? ModelSlug.of(m.model().id().substring(0, slash)) : "unknown";
    }

    static String modelName(RunManifest m) {
        int slash = m.model().id().indexOf('/');
        return ModelSlug.of(slash > 0 ? m.model().id().substring(slash + 1) : m.model().id());
    }
}
