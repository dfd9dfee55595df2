package dev.claimcheck.core.suite.ifeval;

import dev.claimcheck.core.grade.ifeval.IfevalSpec;
import java.util.Objects;

/**
 * One line of IFEval's {@code input_data.jsonl}.
 *
 * @param key the dataset's integer key (the task id)
 * @param prompt the prompt text, sent as the one user message
 * @param spec its instructions and kwargs, validated
 * @param line the 1-based line of the file it came from
 */
record IfevalPrompt(int key, String prompt, IfevalSpec spec, int line) {
    IfevalPrompt {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(spec, "spec");
    }
}
