package dev.claimcheck.site.claims;

import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.Untranscribed;
import dev.claimcheck.core.stats.ClaimPlausibility;
import dev.claimcheck.site.page.ClaimUnit;
import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.routing.RoutingPage;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Builds claim rows from assessments. */
public final class ClaimsView {
    private ClaimsView() {
    }

    public static ClaimsPage build(List<Assessment> assessments, List<RoutingPage.Link> routing, Links links) {
        return build(assessments, routing, List.of(), links);
    }

    public static ClaimsPage build(List<Assessment> assessments, List<RoutingPage.Link> routing,
                                   List<dev.claimcheck.site.index.Checkout.Unclaimed> unclaimed, Links links) {
        return build(assessments, routing, unclaimed, List.of(), links);
    }

    /** @param files the claims files whose {@code untranscribed[]} entries are listed (in file order) */
    public static ClaimsPage build(List<Assessment> assessments, List<RoutingPage.Link> routing,
                                   List<dev.claimcheck.site.index.Checkout.Unclaimed> unclaimed, List<ClaimsFile> files,
                                   Links links) {
        List<ClaimsPage.Untranscribed> untranscribed = new java.util.ArrayList<>();
        for (ClaimsFile f : files) {
            f.untranscribed().forEach(u -> untranscribed.add(untranscribed(f, u, unclaimed, links)));
        }
        return new ClaimsPage(links.nav(), rows(assessments, links), routing,
                unclaimed.stream().map(u -> unclaimed(u, links)).toList(), untranscribed);
    }

    /** A benchmark without a transcribed figure: the recipe of its id, when one exists, is its command. */
    static ClaimsPage.Untranscribed untranscribed(ClaimsFile f, Untranscribed u,
                                                  List<dev.claimcheck.site.index.Checkout.Unclaimed> recipes, Links links) {
        String slug = f.modelSlug();
        boolean recipe = recipes.stream().anyMatch(r -> r.slug().equals(slug) && r.name().equals(u.id()));
        String what = u.suite().isEmpty() ? "" : u.workload() + " · " + u.suite();
        String url = u.source().url();
        String href = url.startsWith("https://") || url.startsWith("http://") ? url : "";
        return new ClaimsPage.Untranscribed(Links.anchor(slug, u.id()), f.modelId(), links.model(slug), f.lane().id(),
                u.benchmark(), what, u.reason(), u.needs(), href, u.source().title().isEmpty() ? url : u.source().title(),
                recipe ? "./jbang " + slug + "-" + u.id() + "@. --base-url URL" : "");
    }

    /** A recipe without a claim, in the page's language; where a claim row shows the claimed value it says "no transcribed claim". */
    static ClaimsPage.Unclaimed unclaimed(dev.claimcheck.site.index.Checkout.Unclaimed u, Links links) {
        var r = u.recipe();
        String what = r.suite() + " · " + r.dataset().name()
                + (r.protocol() == null ? "" : " · " + links.text("claims.unclaimed.protocol", r.protocol()));
        String dataset = r.dataset().name() + " (" + links.text(r.dataset().pinned() ? "claims.unclaimed.pinned" : "claims.unclaimed.unpinned") + ")";
        return new ClaimsPage.Unclaimed(r.model(), links.model(u.slug()), r.lane(), u.name(), what, links.text("claims.unclaimed.none"),
                r.noClaim(), dataset, "./jbang " + u.slug() + "-" + u.name() + "@. --base-url URL");
    }

    public static List<ClaimsPage.Row> rows(List<Assessment> assessments, Links links) {
        return assessments.stream().map(a -> row(a, links)).toList();
    }

    static ClaimsPage.Row row(Assessment a, Links links) {
        Claim c = a.claim();
        String slug = a.file().modelSlug();
        // A script default is marked so a reader tells it from what the vendor stated (docs/claims.md, "Settings").
        String settings = c.undisclosed() ? links.text("claims.settings.undisclosed") : c.settings().entrySet().stream()
                .map(e -> c.basis(e.getKey()) == dev.claimcheck.core.model.SettingBasis.SCRIPT_DEFAULT
                        ? links.text("claims.settings.scriptDefault", e.getKey() + "=" + e.getValue()) : e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        String url = c.source().url();
        String href = url.startsWith("https://") || url.startsWith("http://") ? url : "";
        String verdictText = a.verdict().text() + (a.pValue() == null ? "" : String.format(Locale.ROOT, " (p=%.3g)", a.pValue()));
        // A simulated figure is shown (badged SIM) but never set against the vendor's number.
        boolean simulated = a.run().map(r -> r.simulated()).orElse(false);
        String diff = a.measured() == null || simulated ? Fmt.NONE : ClaimUnit.difference(a.measured(), c.value(), c.unit());
        return new ClaimsPage.Row(Links.anchor(slug, c.id()), a.file().modelId(), links.model(slug), a.file().lane().id(),
                c.id(), c.workload() + " · " + c.suite() + " · " + c.dataset() + " · " + c.metric(), value(c, links), settings,
                href, c.source().title().isEmpty() ? url : c.source().title(), c.source().date(), ClaimUnit.value(a.measured(), c.unit()),
                a.measured() == null ? "" : ClaimUnit.interval(a.ciLow(), a.ciHigh(), c.unit()), diff, a.verdict().id(), verdictText,
                links.text(a.judged().why()) + (a.judged().powerNeeded() == null ? "" : " · " + links.text(a.judged().powerNeeded()))
                        + prefixed(ContaminationWindow.text(c.datasetPublished(), a.file().modelReleased(), links))
                        + ClaimPlausibility.of(c).map(p -> " · " + links.text(p.plausible() ? "claims.plausible" : "claims.implausible", links.text(p.why()))).orElse("")
                        + (c.note().isEmpty() ? "" : " · " + c.note()),
                a.run().map(r -> links.run(r.runId())).orElse(""), simulated,
                a.recipe() ? "./jbang " + slug + "-" + c.id() + "@. --base-url URL" : "",
                EndpointLine.of(a.run().map(r -> r.manifest()).orElse(null), a.endpointPin()), c.noRecipe());
    }

    private static String prefixed(String text) {
        return text.isEmpty() ? "" : " · " + text;
    }

    /** The claimed value in its unit; "(derived)" when the source gives the figures it is computed from, not it. */
    static String value(Claim c, Links links) {
        return ClaimUnit.value(c.value(), c.unit()) + (c.derived() ? " " + links.text("claims.derived") : "");
    }
}
