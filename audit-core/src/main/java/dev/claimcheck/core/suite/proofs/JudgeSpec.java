package dev.claimcheck.core.suite.proofs;

import dev.claimcheck.core.BadInputException;

/**
 * One pinned judge, {@code --judge BASE_URL=MODEL}: an OpenAI-compatible endpoint (or {@code sim[:k=v,...]}) and the
 * model id it serves. The model is what follows the last {@code =}, so simulator options ({@code sim:accuracy=0.5})
 * need no quoting.
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
}
