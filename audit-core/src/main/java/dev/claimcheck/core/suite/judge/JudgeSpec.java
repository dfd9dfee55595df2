package dev.claimcheck.core.suite.judge;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.ModelSlug;
import dev.claimcheck.core.sim.SimOptions;
import java.util.List;

/**
 * One pinned judge, {@code --judge BASE_URL=MODEL}: an OpenAI-compatible endpoint (or {@code sim[:k=v,...]}) and the
 * model id it serves. The model is what follows the last {@code =}, so simulator options ({@code sim:accuracy=0.5})
 * need no quoting. Shared by every suite that asks judge models (proofs, math).
 */
public record JudgeSpec(String baseUrl, String model) {
    public JudgeSpec {
        if (baseUrl == null || baseUrl.isBlank() || model == null || model.isBlank()) {
            throw new BadInputException("--judge takes BASE_URL=MODEL");
        }
    }

    public static JudgeSpec parse(String spec) {
        int at = spec == null ? -1 : spec.lastIndexOf('=');
        if (at <= 0 || at == spec.length() - 1) {
            throw new BadInputException("--judge '" + spec + "': expected BASE_URL=MODEL (e.g. http://localhost:8000/v1=Qwen/Qwen3-32B or sim=judge-a)");
        }
        return new JudgeSpec(spec.substring(0, at).strip(), spec.substring(at + 1).strip());
    }

    /** As typed, and as recorded in each grade. */
    public String label() {
        return baseUrl + "=" + model;
    }

    public boolean simulated() {
        return SimOptions.isSim(baseUrl);
    }

    /**
     * A model never grades its own work: refused before anything is sent.
     *
     * @param work what the judges grade, for the message ("proofs", "answers")
     */
    public static void refuseModelUnderTest(List<JudgeSpec> judges, String modelUnderTest, String work) {
        for (JudgeSpec judge : judges) {
            if (ModelSlug.of(judge.model()).equals(ModelSlug.of(modelUnderTest))) {
                throw new BadInputException("judge " + judge.label() + " is the model under test ('" + modelUnderTest
                        + "'): a model never grades its own " + work);
            }
        }
    }

    /** A simulated judge grades only a simulated run, so a real run is never labelled by simulated grades. */
    public static void refuseSimulatedForRealRun(List<JudgeSpec> judges, String baseUrl) {
        if (!SimOptions.isSim(baseUrl) && judges.stream().anyMatch(JudgeSpec::simulated)) {
            throw new BadInputException("a simulated judge grades only a simulated run: use --base-url sim, or real judges");
        }
    }
}
