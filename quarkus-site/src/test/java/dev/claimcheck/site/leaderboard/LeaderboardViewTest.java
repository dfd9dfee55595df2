package dev.claimcheck.site.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.site.SampleRoot;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.render.Templates;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaderboardViewTest {
    @Test
    void leaderboardShowsTheTopRowsAndLinksEveryBoardsFullPage() {
        SiteModel model = SampleRoot.model();
        LeaderboardPage page = model.leaderboard(Links.at(0, true), 1);
        LeaderboardPage.BoardView arith = page.sections().get(0).boards().get(0);
        assertThat(arith.lanes()).allSatisfy(l -> assertThat(l.rows()).hasSizeLessThanOrEqualTo(1));
        assertThat(arith.truncated()).isTrue();
        String html = Templates.get().render("index.ftlh", page);
        assertThat(html).contains("all " + arith.total() + " models →").contains("href=\"" + arith.href() + "\"")
                .contains("top 1 of ");
        // the full page has every row
        BoardPage full = model.board(model.boardSlugs().get(0), Links.at(1, true)).orElseThrow();
        assertThat(full.board().lanes()).allSatisfy(l -> assertThat(l.rows()).hasSize(l.total()));
        assertThat(full.chart().points()).isNotEmpty();
        // with the default N nothing of the small fixture is cut
        assertThat(model.leaderboard(Links.at(0, false)).sections()).allSatisfy(s -> s.boards()
                .forEach(b -> assertThat(b.truncated()).isFalse()));
    }

    @Test
    void agentRowsShowPassHatKAndRecoveryPerFaultUnderTheScore() {
        SiteModel model = SampleRoot.model();
        LeaderboardPage page = model.leaderboard(Links.at(0, false));
        var agentRows = page.sections().stream().flatMap(s -> s.boards().stream())
                .filter(b -> b.suite().equals("agent")).flatMap(b -> b.lanes().stream()).flatMap(l -> l.rows().stream()).toList();
        assertThat(agentRows).singleElement().satisfies(r -> assertThat(r.figures())
                .startsWith("pass^2 ").contains("recovery ", "toolError ", "staleFile "));
        var others = page.sections().stream().flatMap(s -> s.boards().stream())
                .filter(b -> !b.suite().equals("agent")).flatMap(b -> b.lanes().stream()).flatMap(l -> l.rows().stream()).toList();
        assertThat(others).isNotEmpty().allSatisfy(r -> assertThat(r.figures()).isEmpty());
        assertThat(Templates.get().render("index.ftlh", page)).contains("<span class=\"figures\">pass^2 ");
    }

    @Test
    void boardSlugsAreFileSafeAndUnique() {
        Board a = new Board(dev.claimcheck.core.model.Workload.ARITH, "s/1", "d", "", java.util.Map.of());
        Board b = new Board(dev.claimcheck.core.model.Workload.ARITH, "s?1", "d", "", java.util.Map.of());
        Board c = new Board(dev.claimcheck.core.model.Workload.ARITH, "..", "d", "", java.util.Map.of());
        assertThat(LeaderboardView.slugs(List.of(a, b, c))).containsExactly("arith--s-1--d", "arith--s-1--d-2", "arith--..--d");
    }
}
