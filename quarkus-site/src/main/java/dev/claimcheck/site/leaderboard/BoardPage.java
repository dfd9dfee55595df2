package dev.claimcheck.site.leaderboard;

import dev.claimcheck.site.page.Nav;
import java.util.List;

/** The full page of one board: every row of both lanes, the board's chart and its points as a table. */
public record BoardPage(Nav nav, String workload, String workloadTitle, String measured, LeaderboardPage.BoardView board,
                        LeaderboardPage.Chart chart, FilterForm filters) {
}
