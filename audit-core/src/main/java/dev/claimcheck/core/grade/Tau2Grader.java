package dev.claimcheck.core.grade;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.tau2.Rescore;
import dev.claimcheck.core.grade.tau2.Tau2Criteria;
import dev.claimcheck.core.grade.tau2.Tau2Detail;
import dev.claimcheck.core.grade.tau2.Tau2Json;
import dev.claimcheck.core.grade.tau2.Trajectory;
import dev.claimcheck.core.model.Verdict;

/**
 * Re-scores one τ²-bench trial (grade/tau2, docs/workloads/tau2.md). The response is the simulation object as the
 * results file holds it; the expected answer is the task's id and {@code evaluation_criteria} from tasks.json. The
 * verdict is the re-derived reward (correct when it is 1), with the claimed one beside it in the detail. A simulation
 * that cannot be read is a verdict with the reason, never an exception.
 */
public final class Tau2Grader extends NamedGrader {
    public static final String ID = "tau2-rescore";
    public static final String VERSION = "1";

    public Tau2Grader() {
        super(ID, VERSION);
    }

    @Override
    public Verdict grade(String response, String expected) {
        Tau2Criteria task;
        try {
            task = Tau2Criteria.parse(Tau2Json.parse(expected, "expected"), "task");
        } catch (BadInputException e) {
            return verdict(false, null, expected, "{\"error\":" + quote("the task cannot be read: " + e.getMessage()) + "}");
        }
        Trajectory t;
        try {
            JsonNode sim = Tau2Json.parse(response == null ? "" : response, "simulation");
            t = Trajectory.parse(sim, "simulation");
        } catch (BadInputException e) {
            return verdict(false, null, expected, "{\"error\":" + quote("the simulation cannot be read: " + e.getMessage()) + "}");
        }
        if (!t.taskId().equals(task.taskId())) {
            return verdict(false, null, expected, "{\"error\":" + quote("the simulation is of task " + t.taskId()
                    + ", the expected answer of task " + task.taskId()) + "}");
        }
        return verdict(Rescore.of(t, task), expected);
    }

    /** The verdict of a re-score: its score is the re-derived reward, correct when that is 1. */
    public static Verdict verdict(Tau2Detail d, String expected) {
        return new Verdict(Tau2Detail.success(d.derivedReward()), d.derivedReward(), String.valueOf(d.derivedReward()), expected,
                ID, VERSION, d.toJson());
    }

    private static String quote(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }
}
