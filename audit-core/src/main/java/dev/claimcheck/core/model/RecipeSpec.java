package dev.claimcheck.core.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A pinned reproduction of one claim: {@code audit-scripts/recipes/<model-slug>/<claim-id>.json}, schema
 * {@code claimcheck/recipe/v1} (docs/recipes.md). Paths in it are relative to the checkout that holds it.
 *
 * @param claim the claims file and claim id it reproduces; null for a recipe that measures without a claim to compare
 *              with (the vendor's number is not transcribable, e.g. printed only in an image): then {@code noClaim}
 *              says why, and {@code lane} names the lane the claims file would otherwise choose
 * @param model the model id sent to the endpoint
 * @param suite the suite id (e.g. {@code math})
 * @param dataset where the data comes from and the hashes it must have
 * @param suiteOptions the suite's options as on the command line ({@code --prompt-template}, {@code --dataset-name}, …);
 *                     {@code --dataset} is set by the runner from {@code dataset.path} or {@code --dataset FILE}
 * @param protocol how the claim's number was measured ({@code --protocol} of the suite: prompt, stop strings, request
 *                 defaults, grader; docs/grading/protocols.md), or null for the suite's default
 * @param requests per lane, the request body minus messages (OpenAI wire names: {@code max_tokens}, {@code top_p}, …)
 * @param limit the first N tasks (null: all)
 * @param serve how the server is expected to be started (documentation, recorded nowhere else)
 * @param verdict how the verdict is computed, in words
 * @param departures every known way the recipe differs from how the claim was produced (prompt format, client,
 *                   settings the source leaves out), so a reader never mistakes a reproduction for a replica
 * @param endpoint what the endpoint's fingerprint must show (docs/fingerprint.md), or null when nothing is pinned
 * @param lane the lane whose request body is sent, only for a recipe without a claim ({@code instant}, {@code thinking})
 * @param noClaim why there is no claim to compare with, only (and always) for a recipe without one
 */
public record RecipeSpec(String schema, ClaimPointer claim, String model, String suite, DatasetPin dataset,
                         Map<String, String> suiteOptions, String protocol, Map<String, ObjectNode> requests, Integer k, Integer limit,
                         Integer concurrency, Serve serve, String verdict, java.util.List<String> departures,
                         EndpointPin endpoint, String lane, String noClaim) {
    public static final String SCHEMA = "claimcheck/recipe/v1";
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public RecipeSpec {
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("schema '" + schema + "' is not " + SCHEMA);
        }
        if (claim == null) {
            if (noClaim == null || noClaim.isBlank()) {
                throw new IllegalArgumentException("claim is required (or noClaim: why there is none to compare with)");
            }
            if (!"instant".equals(lane) && !"thinking".equals(lane)) {
                throw new IllegalArgumentException("a recipe without a claim names its lane: \"lane\": \"instant\" or \"thinking\"");
            }
            if (requests != null && !requests.containsKey(lane)) {
                throw new IllegalArgumentException("requests has no body for the recipe's lane " + lane);
            }
        } else if (noClaim != null || lane != null) {
            throw new IllegalArgumentException("a recipe with a claim takes its lane from the claims file: no lane, no noClaim");
        }
        require(model, "model");
        require(suite, "suite");
        require(dataset, "dataset");
        require(requests, "requests");
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("requests needs a body for the claim's lane");
        }
        suiteOptions = suiteOptions == null ? Map.of() : new TreeMap<>(suiteOptions);
        requests = new TreeMap<>(requests);
        departures = departures == null ? java.util.List.of() : java.util.List.copyOf(departures);
        if (suiteOptions.containsKey("--dataset")) {
            throw new IllegalArgumentException("suiteOptions must not set --dataset (use dataset.path)");
        }
        if (suiteOptions.containsKey("--protocol")) {
            throw new IllegalArgumentException("suiteOptions must not set --protocol (use protocol)");
        }
        if (k != null && k < 1 || limit != null && limit < 1 || concurrency != null && concurrency < 1) {
            throw new IllegalArgumentException("k, limit and concurrency must be at least 1");
        }
    }

    /** Whether the recipe reproduces a transcribed claim (else it only measures: {@link #noClaim()}). */
    public boolean hasClaim() {
        return claim != null;
    }

    private static void require(Object v, String name) {
        if (v == null || v instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** A claim by claims file (relative to the checkout) and id. */
    public record ClaimPointer(String file, String id) {
        public ClaimPointer {
            require(file, "claim.file");
            require(id, "claim.id");
        }
    }

    /**
     * The dataset a recipe runs on: a downloaded file, or tasks a suite generates ({@code source}
     * {@code generated:<suite>}), which have no file and are pinned by the hash the suite records over their ids and
     * expected answers (docs/recipes.md, "Generated datasets").
     *
     * @param name recorded as run.json {@code suite.dataset.name} (the claim's {@code dataset})
     * @param source the public address users download it from, or {@code generated:<suite id>}
     * @param revision the exact version at that address (a commit, a tag); optional for a generated dataset, whose
     *                 version is {@code generatorVersion}
     * @param path where the runner looks for the downloaded file, relative to the checkout; absent when generated
     * @param sha256 of the file's bytes, or the generated tasks' hash (run.json {@code suite.dataset.sha256}); null
     *               only while unpinned
     * @param answersSha256 {@link AnswersHash} over (task id, answer); null only while unpinned, and always for a
     *                      generated dataset (its {@code sha256} already covers the answers)
     * @param pinStatus {@code pinned}, or {@code unpinned: <why and how to pin>} when a hash is null
     * @param generatorVersion the generator version the tasks come from (run.json {@code suite.dataset.generatorVersion});
     *                         only, and always, for a generated dataset
     * @param seed the run seed the tasks are generated from; only, and always, for a generated dataset
     */
    public record DatasetPin(String name, String source, String revision, String path, String sha256,
                             String answersSha256, String pinStatus, String generatorVersion, Long seed) {
        public static final String GENERATED = "generated:";

        public DatasetPin {
            require(name, "dataset.name");
            require(source, "dataset.source");
            for (String h : new String[] {sha256, answersSha256}) {
                if (h != null && !SHA256.matcher(h).matches()) {
                    throw new IllegalArgumentException("dataset hashes must be 64 lower-case hex digits, got '" + h + "'");
                }
            }
            if (source.startsWith(GENERATED)) {
                if (path != null || answersSha256 != null) {
                    throw new IllegalArgumentException("a generated dataset (" + source + ") has no file: no dataset.path "
                            + "and no dataset.answersSha256 (its sha256 covers the task ids and answers)");
                }
                require(generatorVersion, "dataset.generatorVersion (of a generated dataset)");
                require(seed, "dataset.seed (of a generated dataset)");
            } else {
                require(revision, "dataset.revision");
                require(path, "dataset.path");
                if (generatorVersion != null || seed != null) {
                    throw new IllegalArgumentException("dataset.generatorVersion and dataset.seed are only for a generated "
                            + "dataset (source " + GENERATED + "<suite>)");
                }
            }
            boolean pinned = sha256 != null && (answersSha256 != null || source.startsWith(GENERATED));
            boolean statusOk = pinned ? "pinned".equals(pinStatus) : pinStatus != null && pinStatus.startsWith("unpinned: ");
            if (!statusOk) {
                throw new IllegalArgumentException("dataset.pinStatus must be 'pinned' when "
                        + (source.startsWith(GENERATED) ? "sha256 is set" : "both hashes are set") + ", else 'unpinned: <why>'");
            }
        }

        /** The suite that generates the tasks ({@code source} {@code generated:<suite>}), or null for a file. */
        public String generatedBy() {
            return source.startsWith(GENERATED) ? source.substring(GENERATED.length()) : null;
        }

        public boolean pinned() {
            return sha256 != null && (answersSha256 != null || generatedBy() != null);
        }
    }

    /**
     * What the endpoint's fingerprint must show for a run to reproduce the claim; each null part is not pinned.
     *
     * @param tokenizerFamily a family of the fingerprint's tokenizer data file ({@code o200k_base}, …)
     * @param contextLength the context length the server reports
     * @param precision the quantization or dtype the server reports ({@code fp8}, {@code bf16}, …)
     */
    public record EndpointPin(String tokenizerFamily, Long contextLength, String precision) {
        public EndpointPin {
            if (contextLength != null && contextLength < 1) {
                throw new IllegalArgumentException("endpoint.contextLength must be at least 1");
            }
        }
    }

    /** How the endpoint is meant to be served: engine and command, as documentation. */
    public record Serve(String engine, String command, String notes) {
    }
}
