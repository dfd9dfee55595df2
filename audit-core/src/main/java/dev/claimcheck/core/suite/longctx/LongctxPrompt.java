package dev.claimcheck.core.suite.longctx;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.tokens.Tokenizer;
import java.util.SplittableRandom;

/**
 * Renders one long-context prompt of exactly the target token count (within ±1%, counted over the message content
 * in the run's tokenizer, no chat template): an instruction, the document, the question and the answer format.
 */
final class LongctxPrompt {
    static final String HEAD = "Below is a long document that mixes prose, Markdown tables, JSON records, CSV rows, log "
            + "lines and source code. Read all of it, then answer the question that follows it.\n\n<document>\n";

    private LongctxPrompt() {
    }

    static String tail(Problem p) {
        return "</document>\n\nQuestion: " + p.question() + "\n\nEnd your reply with one line that starts with \"Answer:\" "
                + "followed by " + (p.listAnswer() ? "all the values, separated by commas." : "the answer alone.");
    }

    /** Tokens of everything but the filler: instruction, question and planted lines with their separators. */
    static long overhead(Tokenizer tokenizer, Problem p) {
        long n = tokenizer.count(HEAD) + tokenizer.count(tail(p));
        for (Problem.Planted line : p.lines()) {
            n += tokenizer.count(line.text() + Haystack.SEPARATOR);
        }
        return n;
    }

    static String render(FillerPool pool, SplittableRandom r, Problem p, long targetTokens, String taskId) {
        long filler = targetTokens - overhead(pool.tokenizer(), p);
        if (filler < targetTokens / 4) {
            throw new BadInputException("length " + targetTokens + " is too short for task " + taskId
                    + " (its question and planted lines alone take " + (targetTokens - filler) + " tokens); use a longer length or a lower --densities");
        }
        StringBuilder out = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, targetTokens * 5 + 1024));
        out.append(HEAD);
        Haystack.write(out, pool, r, filler, p.lines());
        out.append(tail(p));
        return out.toString();
    }
}
