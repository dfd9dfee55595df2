package dev.claimcheck.site.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.site.SampleRoot;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.render.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The leaderboard's filters: read from the URL query, applied by the server, each control shown only with two choices. */
class FilterTest {
    static final SiteModel MODEL = SampleRoot.model();

    static List<String> models(LeaderboardPage p) {
        return p.sections().stream().flatMap(s -> s.boards().stream()).flatMap(b -> b.lanes().stream())
                .flatMap(l -> l.rows().stream()).map(LeaderboardPage.Row::model).distinct().toList();
    }

    @Test
    void aQueryBecomesAFilterAndAValueOutsideTheChoicesIsReportedNotDropped() {
        Filter f = Filter.parse(Map.of("model", " Tiny ", "lane", "thinking", "runs", "real", "trust", "verified",
                "since", "2026-11-01", "workload", "math"));
        assertThat(f).extracting(Filter::model, Filter::lane, Filter::runs, Filter::verifiedOnly, Filter::since, Filter::workload)
                .containsExactly("Tiny", "thinking", "real", true, "2026-11-01", "math");
        assertThat(f.active()).isTrue();
        Filter bad = Filter.parse(Map.of("lane", "fast", "since", "yesterday", "runs", "all"));
        assertThat(bad.active()).isFalse();
        assertThat(bad.ignored()).extracting(Filter.Ignored::key, Filter.Ignored::expected).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("lane", "instant, thinking"), org.assertj.core.groups.Tuple.tuple("since", "YYYY-MM-DD"),
                org.assertj.core.groups.Tuple.tuple("runs", "real, simulated"));
        assertThat(Filter.parse(Map.of()).active()).isFalse();
    }

    @Test
    void theServerKeepsOnlyTheRowsTheFilterMatches() {
        Links links = Links.at(0, false);
        assertThat(models(MODEL.leaderboard(links, Filter.NONE))).hasSizeGreaterThan(2);
        assertThat(models(MODEL.leaderboard(links, Filter.parse(Map.of("model", "TINY"))))).containsExactly("small/Tiny-1B");
        LeaderboardPage thinking = MODEL.leaderboard(links, Filter.parse(Map.of("lane", "thinking")));
        assertThat(thinking.sections()).allSatisfy(s -> assertThat(s.boards()).allSatisfy(b ->
                assertThat(b.lanes()).extracting(LeaderboardPage.LaneView::lane).containsExactly("thinking")));
        LeaderboardPage math = MODEL.leaderboard(links, Filter.parse(Map.of("workload", "math")));
        assertThat(math.sections()).extracting(LeaderboardPage.Section::id).containsExactly("w-math");
        assertThat(math.tabs()).extracting(LeaderboardPage.Tab::id).containsExactly("w-math");
        // every run of the fixture is simulated and none is signed
        assertThat(MODEL.leaderboard(links, Filter.parse(Map.of("runs", "real"))).sections()).isEmpty();
        assertThat(MODEL.leaderboard(links, Filter.parse(Map.of("trust", "verified"))).sections()).isEmpty();
        assertThat(MODEL.leaderboard(links, Filter.parse(Map.of("since", "2026-11-30"))).sections()).isEmpty();
        assertThat(models(MODEL.leaderboard(links, Filter.parse(Map.of("since", "2026-11-29"))))).hasSizeGreaterThan(2);
    }

    @Test
    void aFilterWithOneChoiceIsLeftOutAndTheExportsFormWaitsForTheScript() {
        String served = Templates.get().render("index.ftlh", MODEL.leaderboard(Links.at(0, false), Filter.parse(Map.of("model", "tiny"))));
        assertThat(served).contains("<form class=\"filters\" method=\"get\" action=\"./\"").contains("name=\"model\" type=\"search\" value=\"tiny\"")
                .contains("name=\"workload\"").contains("name=\"lane\"").contains(">clear</a>")
                .doesNotContain("name=\"runs\"").doesNotContain("name=\"trust\"").doesNotContain("data-client");
        assertThat(served).as("one hardware value in the fixture").doesNotContain("name=\"hardware\"");
        String exported = Templates.get().render("index.ftlh", MODEL.leaderboard(Links.at(0, true)));
        assertThat(exported).contains("action=\"./index.html\"").contains("data-client hidden");
        String nothing = Templates.get().render("index.ftlh", MODEL.leaderboard(Links.at(0, false), Filter.parse(Map.of("model", "nobody"))));
        assertThat(nothing).contains("No run matches these filters.").doesNotContain("No runs in this root yet");
        String ignored = Templates.get().render("index.ftlh", MODEL.leaderboard(Links.at(0, false), Filter.parse(Map.of("since", "<x>"))));
        assertThat(ignored).contains("Ignored since=<code>&lt;x&gt;</code>: expected YYYY-MM-DD.");
    }
}
