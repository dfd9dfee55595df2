package dev.claimcheck.core.grade;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.ifeval.Evaluation;
import dev.claimcheck.core.grade.ifeval.IfevalDetail;
import dev.claimcheck.core.grade.ifeval.IfevalSpec;
import dev.claimcheck.core.model.Verdict;
import java.util.List;

/**
 * IFEval's verifiable instructions (grade/ifeval, docs/grading/ifeval.md): correct when the response follows every
 * instruction of its prompt strictly; the detail records each instruction's strict and loose result. The expected
 * answer is {@link IfevalSpec}'s JSON. Only the final content is graded, never the reasoning.
 */
public final class IfevalGrader extends NamedGrader {
    public static final String ID = "ifeval";
    public static final String VERSION = "1";
    /** Longer responses are judged not following (checkers scan the text several times). */
    static final int MAX_RESPONSE_CHARS = 512 * 1024;

    public IfevalGrader() {
        super(ID, VERSION);
    }

    @Override
    public Verdict grade(String response, String expected) {
        IfevalSpec spec;
        try {
            spec = IfevalSpec.parse(expected);
        } catch (BadInputException e) {
            return verdict(false, null, expected, new IfevalDetail(List.of(), e.getMessage()).toJson());
        }
        String r = response == null ? "" : response;
        if (r.length() > MAX_RESPONSE_CHARS) {
            List<IfevalDetail.Followed> none = spec.ids().stream()
                    .map(i -> new IfevalDetail.Followed(i.id(), false, false)).toList();
            String reason = "response longer than " + MAX_RESPONSE_CHARS + " characters";
            return verdict(false, null, expected, new IfevalDetail(none, reason).toJson());
        }
        List<IfevalDetail.Followed> results = Evaluation.of(spec, r).stream()
                .map(o -> new IfevalDetail.Followed(o.instruction().id(), o.strict(), o.loose())).toList();
        List<String> missed = results.stream().filter(f -> !f.strict()).map(IfevalDetail.Followed::id).toList();
        String reason = missed.isEmpty() ? "followed" : "not followed: " + String.join(", ", missed);
        return verdict(missed.isEmpty(), null, expected, new IfevalDetail(results, reason).toJson());
    }
}
