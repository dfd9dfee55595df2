package dev.claimcheck.core.suite.swebench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Verdict;
import java.io.IOException;
import java.util.List;

/**
 * How a SWE-bench attempt's verdict follows from what it recorded, at the attempt and again in {@code verify}
 * (docs/architecture.md §7.3): the patch's hash from the patch, and the two test lists' results from the recorded
 * evaluation log, parsed with the repository's log parser (pytest's where the harness has none, since the sandbox
 * evaluation runs pytest {@code -rA}). Nothing is executed again.
 */
public final class SwebenchReplay {
    static final String META_REPO = "repo";
    static final String META_FAIL_TO_PASS = "failToPass";
    static final String META_PASS_TO_PASS = "passToPass";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SwebenchReplay() {
    }

    /** The verdict {@code sample}'s recorded detail gives for the regenerated {@code task} (detail included). */
    public static Verdict verdict(Task task, Sample sample) {
        Verdict recorded = sample.verdict();
        SwebenchDetail d = recorded == null ? null : SwebenchDetail.parse(recorded.detail()).orElse(null);
        if (d == null) {
            return new Verdict(false, 0, null, task.expected(), SwebenchGrader.ID, SwebenchGrader.VERSION,
                    "no SWE-bench detail recorded");
        }
        SwebenchDetail base = new SwebenchDetail(d.instanceId(), d.repo(), d.end(), d.steps(), d.commands(), d.patch(), null,
                false, null, null, null, null, d.claimed());
        return verdict(task, d.evaluated() ? judged(base, task, d.testLog()) : unevaluated(base));
    }

    static Verdict verdict(Task task, SwebenchDetail d) {
        boolean resolved = d.resolved();
        return new Verdict(resolved, resolved ? 1 : 0, d.patchSha256(), task.expected(), SwebenchGrader.ID,
                SwebenchGrader.VERSION, d.toJson());
    }

    /** A detail not evaluated (a budget stop, an empty patch), its patch hashed. */
    static SwebenchDetail unevaluated(SwebenchDetail d) {
        return new SwebenchDetail(d.instanceId(), d.repo(), d.end(), d.steps(), d.commands(), d.patch(),
                PromptHash.sha256Hex(d.patch()), false, null, null, null, null, d.claimed());
    }

    /** A detail with its evaluation log read as the harness reads it. */
    static SwebenchDetail judged(SwebenchDetail d, Task task, String log) {
        String repo = task.meta().get(META_REPO);
        TestLog parsed = TestLog.parse(log, LogParser.forRepo(repo).orElse(LogParser.PYTEST));
        SwebenchDetail.Tests f2p = null;
        SwebenchDetail.Tests p2p = null;
        if (parsed.notApplied().isEmpty()) {
            SwebenchInstance lists = new SwebenchInstance(d.instanceId(), repo, "", "", "", "", list(task, META_FAIL_TO_PASS),
                    list(task, META_PASS_TO_PASS), "", "");
            Resolution r = Resolution.of(lists, parsed.statuses());
            f2p = new SwebenchDetail.Tests(r.failToPassSuccess(), r.failToPassFailure());
            p2p = new SwebenchDetail.Tests(r.passToPassSuccess(), r.passToPassFailure());
        }
        return new SwebenchDetail(d.instanceId(), d.repo(), d.end(), d.steps(), d.commands(), d.patch(),
                PromptHash.sha256Hex(d.patch()), true, parsed.notApplied().orElse(null), f2p, p2p, log, d.claimed());
    }

    static String json(List<String> tests) {
        try {
            return JSON.writeValueAsString(tests);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(Task task, String key) {
        try {
            return JSON.readValue(task.meta().getOrDefault(key, "[]"), new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException(task.id() + ": meta " + key + " is not a JSON list", e);
        }
    }
}
