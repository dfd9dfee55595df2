package dev.claimcheck.core.suite.proofs;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.SuiteOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a recorded proofs run's judges again ({@code verify --rejudge}): the options, problem set and judges are those
 * run.json records (the problem set found under the root, as a resume finds it), each recorded solution is graded
 * anew, and the new grades are compared with the recorded ones. Simulated judges reproduce exactly; a real judge at
 * temperature 0 usually does, and a difference is reported, not hidden.
 */
public final class ProofRejudge {
    private ProofRejudge() {
    }

    /** One attempt whose new grades differ from the recorded ones, in words. */
    public static List<String> differences(RunManifest manifest, List<Sample> samples, Path root) {
        ProofOptions o = (ProofOptions) SuiteOptions.restore(new ProofSuite(), manifest.suite().options());
        SuiteContext context = new SuiteContext(manifest.request().seed(), o, root);
        List<String> out = new ArrayList<>();
        try (o) {
            ProblemSet set = o.inputs(context).set();
            for (Sample s : samples) {
                ProofDetail recorded = s.verdict() == null ? null : ProofDetail.read(s.verdict().detail()).orElse(null);
                if (recorded == null || s.response() == null) {
                    continue;
                }
                List<JudgeGrade> again = o.panel(context.seed()).grade(set.problem(s.taskId()), s.response().content(),
                        recorded.claimedPoints(), s.attempt());
                for (int i = 0; i < again.size() && i < recorded.judges().size(); i++) {
                    JudgeGrade was = recorded.judges().get(i);
                    JudgeGrade now = again.get(i);
                    if (was.status() != now.status() || !java.util.Objects.equals(was.points(), now.points())) {
                        out.add(s.taskId() + "#" + s.attempt() + ": judge " + was.judge() + " recorded " + was.status().id()
                                + " " + was.points() + ", asked again gives " + now.status().id() + " " + now.points());
                    }
                }
            }
        }
        return out;
    }
}
