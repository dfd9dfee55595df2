package dev.claimcheck.site.claims;

import dev.claimcheck.site.page.Nav;
import dev.claimcheck.site.routing.RoutingPage;
import java.util.List;

/**
 * The view model of {@code /claims} (and the claims part of a model page).
 *
 * @param routing the routing pages (one per workload with a pair of instant and thinking runs)
 * @param unclaimed the recipes that measure without a transcribed claim (the vendor's number is only in an image)
 * @param untranscribed the benchmarks the ledger lists as reported without a transcribed figure
 */
public record ClaimsPage(Nav nav, List<Row> rows, List<RoutingPage.Link> routing, List<Unclaimed> unclaimed,
                         List<Untranscribed> untranscribed) {
    public ClaimsPage(Nav nav, List<Row> rows, List<RoutingPage.Link> routing) {
        this(nav, rows, routing, List.of(), List.of());
    }

    /**
     * A benchmark reported without a transcribed figure (ledger {@code untranscribed[]}): why there is no number, what
     * a reproduction here needs, and the recipe's command when the checkout or root has one of that name.
     *
     * @param what the workload and suite that would run it, or empty when none does
     * @param reproduce the recipe's command, empty when there is none (the page then says "no recipe yet")
     */
    public record Untranscribed(String anchor, String model, String modelHref, String lane, String benchmark, String what,
                                String why, String needs, String sourceHref, String sourceText, String reproduce) {
    }

    /**
     * A recipe without a claim: what it measures and the one command that does, beside "no transcribed claim".
     *
     * @param why the recipe's {@code noClaim}
     * @param dataset the dataset's name and whether the recipe pins it
     */
    public record Unclaimed(String model, String modelHref, String lane, String name, String what, String claimed,
                            String why, String dataset, String reproduce) {
    }

    /**
     * A claim beside its reproduction.
     *
     * @param sourceHref the source link, empty unless it is an http(s) URL
     * @param runHref the reproduction's run page, empty when not reproduced
     * @param reproduce the one-command reproduction to copy
     * @param endpoint the run's endpoint fingerprint beside what the recipe expects (empty when neither exists)
     * @param noRecipe the ledger's reason why there is no recipe and what one needs (shown when {@code reproduce} is empty)
     */
    public record Row(String anchor, String model, String modelHref, String lane, String claimId, String what,
                      String claimed, String settings, String sourceHref, String sourceText, String sourceDate,
                      String measured, String interval, String difference, String verdict, String verdictText,
                      String note, String runHref, boolean simulated, String reproduce, String endpoint,
                      String noRecipe) {
    }
}
