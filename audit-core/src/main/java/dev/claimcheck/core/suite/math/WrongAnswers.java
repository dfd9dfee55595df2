package dev.claimcheck.core.suite.math;

import dev.claimcheck.core.model.PromptHash;
import java.math.BigInteger;

/**
 * A plausible wrong answer for the simulator's oracle: an integer moved by 1 to 9, a choice letter
 * moved to the next one, otherwise a fraction no competition answer is likely to be. Derived from the
 * task id only, so it is the same on every run.
 */
final class WrongAnswers {
    private WrongAnswers() {
    }

    static String near(String taskId, String gold) {
        String g = gold.strip();
        int delta = 1 + Math.floorMod(PromptHash.sha256Hex(taskId).charAt(0), 9);
        if (g.matches("-?\\d{1,60}")) {
            BigInteger n = new BigInteger(g);
            return n.signum() > 0 && n.compareTo(BigInteger.valueOf(delta)) > 0
                    ? n.subtract(BigInteger.valueOf(delta)).toString() : n.add(BigInteger.valueOf(delta)).toString();
        }
        if (g.matches("[A-Ea-e]")) {
            char c = Character.toUpperCase(g.charAt(0));
            return String.valueOf(c == 'E' ? 'A' : (char) (c + 1));
        }
        return "\\frac{1}{7919}";
    }
}
