package dev.claimcheck.core.grade;

import dev.claimcheck.core.grade.code.CodeJudge;
import dev.claimcheck.core.grade.code.CodeJudgement;
import dev.claimcheck.core.grade.code.CodeSpec;
import dev.claimcheck.core.grade.code.CodeSpecJson;
import dev.claimcheck.core.grade.code.CodeVerdict;
import dev.claimcheck.core.grade.code.Extraction;
import dev.claimcheck.core.grade.code.ProgramExtractor;
import dev.claimcheck.core.grade.code.TestResult;
import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.model.CodeDetail;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.Verdict;
import java.util.List;

/**
 * Programs written by a model (docs/grading/code.md): extracts the last fenced block in the problem's language,
 * runs it against the tests in the bubblewrap sandbox, and records per-test verdicts in {@code verdict.detail}
 * ({@link CodeDetail}). The expected answer is the test spec as JSON ({@link CodeSpecJson}); the verdict keeps only
 * its hash, since hidden tests are never stored. Unlike the math grader this one runs programs, so its verdicts can
 * depend on the machine (time limits); {@code verify} recomputes metrics from the recorded per-test verdicts.
 */
public final class CodeGrader extends NamedGrader {
    public static final String ID = "code";
    public static final String VERSION = "1";

    private final CodeJudge judge;

    public CodeGrader() {
        this(new CodeJudge(Sandbox.system()));
    }

    public CodeGrader(CodeJudge judge) {
        super(ID, VERSION);
        this.judge = judge;
    }

    /** Grades a response against a spec given as JSON; a spec that does not parse is a sandboxError verdict. */
    @Override
    public Verdict grade(String response, String expected) {
        CodeSpec spec;
        try {
            spec = CodeSpecJson.read(expected);
        } catch (IllegalArgumentException e) {
            CodeDetail d = new CodeDetail(CodeVerdict.SANDBOX_ERROR.id(), List.of(), 0, "bad test spec: " + e.getMessage(),
                    null, null);
            return verdict(false, null, testsRef(expected), d.toJson());
        }
        return grade(response, spec, testsRef(expected));
    }

    /** Grades a response against a spec; {@code expectedRef} is what the verdict records instead of the tests. */
    public Verdict grade(String response, CodeSpec spec, String expectedRef) {
        Extraction e = ProgramExtractor.extract(response, spec.language());
        CodeJudgement j;
        if (e.program() == null) {
            j = new CodeJudgement(CodeVerdict.COMPILE_ERROR, List.of(), spec.tests().size(), "no program: " + e.choice(),
                    null);
        } else {
            j = judge.judge(e.program(), spec);
        }
        CodeDetail d = detail(j, e.choice());
        return verdict(j.passed(), e.program() == null ? null : e.choice(), expectedRef, d.toJson());
    }

    /** Runs a bare program (no extraction), as {@code grade@. code} does. */
    public CodeJudgement judge(String program, CodeSpec spec) {
        return judge.judge(program, spec);
    }

    static CodeDetail detail(CodeJudgement j, String extraction) {
        List<CodeDetail.Test> tests = j.tests().stream()
                .map((TestResult t) -> new CodeDetail.Test(t.passed(), t.verdict().id(), t.timeMs())).toList();
        return new CodeDetail(j.verdict().id(), tests, j.testsTotal(), j.message(), j.interpreter(), extraction);
    }

    /** What a verdict records in place of the tests: their hash. */
    public static String testsRef(String specJson) {
        return "sha256:" + PromptHash.sha256Hex(specJson);
    }
}
