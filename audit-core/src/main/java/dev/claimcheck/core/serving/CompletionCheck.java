package dev.claimcheck.core.serving;

import dev.claimcheck.core.model.LoadRecord;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;
import java.util.Locale;

/**
 * The verdict of a completed bench request: not a quality judgement (a serving bench has no score) but whether
 * the request delivered what the point asked for — the pinned output length, with the tokens counted from the
 * events agreeing with the server's usage and, against the simulator, with what it sent. {@code verify}
 * re-derives it from the record.
 */
public final class CompletionCheck {
    public static final String GRADER = "serving";
    public static final String VERSION = "1";

    private CompletionCheck() {
    }

    public static Verdict of(LoadRecord r, Usage usage) {
        boolean reported = usage.promptTokens() > 0 || usage.completionTokens() > 0;
        long tokens = reported ? usage.completionTokens() : r.countedTokens();
        int wanted = r.point().outputTokens();
        String detail;
        boolean ok = false;
        if (!reported) {
            detail = "no usage reported; counted " + r.countedTokens() + " tokens from the events";
        } else if (r.tokenMismatch(usage.completionTokens())) {
            detail = String.format(Locale.ROOT, "token mismatch: counted %d, usage %d%s", r.countedTokens(),
                    usage.completionTokens(), r.simulatedTokens() == null ? "" : ", simulator sent " + r.simulatedTokens());
        } else if (tokens < wanted) {
            detail = "ended early: " + tokens + " of " + wanted + " tokens";
        } else {
            detail = "complete: " + tokens + " tokens";
            ok = true;
        }
        return new Verdict(ok, ok ? 1 : 0, Long.toString(r.countedTokens()), Integer.toString(wanted), GRADER, VERSION,
                detail);
    }
}
