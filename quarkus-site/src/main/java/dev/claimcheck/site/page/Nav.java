package dev.claimcheck.site.page;

/** The links every page's header and head need, already relative to the page. */
public record Nav(String home, String claims, String routing, String excluded, String css, String js, String echarts,
                  String leaderboardJson, String leaderboardCsv) {
}
