package dev.claimcheck.core.suite.proofs;

import dev.claimcheck.core.suite.judge.JudgeSpec;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options of {@code audit proofs}. Besides the values, it holds what one run opened from them (its judges), closed
 * with {@link #close()}; a fresh object is made for every run ({@code Suite.newOptions()}).
 */
public final class ProofOptions implements AutoCloseable {
    /** How run.json's suite.options joins several judges: a base URL or model id never holds it. */
    static final String JUDGE_JOIN = " | ";

    @Option(names = "--dataset", paramLabel = "DIR", required = true,
            description = "The problem set in MathArena's layout: a folder with grading_scheme.json and problems/<id>.tex "
                    + "(or the grading_scheme.json itself). Supplied by you; not redistributed.")
    Path dataset;

    @Option(names = "--import-solutions", paramLabel = "DIR",
            description = "Grade a vendor's published solutions instead of generating them: a folder of <name>_Q<n>.md "
                    + "(part files Q<n>-<part>.md are folded into one), its README_en.md / README_zh.md grades recorded as the claim.")
    Path importSolutions;

    @Option(names = "--map", paramLabel = "FILE",
            description = "With --import-solutions: JSON {\"solutions\": {\"<file>\": \"<problem id>\"}, \"problems\": {\"<README number>\": \"<problem id>\"}}.")
    Path map;

    @Option(names = "--judge", paramLabel = "BASE_URL=MODEL", required = true, split = "\\s\\|\\s",
            description = "A pinned judge model (repeat for each; at least two for a verdict). BASE_URL may be sim[:k=v,...].")
    List<String> judges;

    @Option(names = "--judge-max-tokens", paramLabel = "N", defaultValue = "8192",
            description = "max_tokens of each judge request (default: ${DEFAULT-VALUE}).")
    int judgeMaxTokens = 8192;

    @Option(names = "--judge-api-key-env", paramLabel = "VAR", defaultValue = "OPENAI_API_KEY",
            description = "Environment variable holding the judges' API key (default: ${DEFAULT-VALUE}).")
    String judgeApiKeyEnv = "OPENAI_API_KEY";

    private JudgePanel panel;
    private ProofInputs inputs;

    List<JudgeSpec> judgeSpecs() {
        return judges == null ? List.of() : judges.stream().map(JudgeSpec::parse).toList();
    }

    /** The run's inputs, read on first use. */
    synchronized ProofInputs inputs(dev.claimcheck.core.suite.SuiteContext context) {
        if (inputs == null) {
            inputs = ProofInputs.read(this, context);
        }
        return inputs;
    }

    /** The run's judges, opened on first use. */
    synchronized JudgePanel panel(long seed) {
        if (panel == null) {
            panel = JudgePanel.open(judgeSpecs(), seed, judgeApiKeyEnv, 6, judgeMaxTokens);
        }
        return panel;
    }

    @Override
    public synchronized void close() {
        if (panel != null) {
            panel.close();
            panel = null;
        }
    }
}
