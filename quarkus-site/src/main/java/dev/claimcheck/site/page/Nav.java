package dev.claimcheck.site.page;

/**
 * The links every page's header and head need, already relative to the page; {@code css}, {@code js} and
 * {@code favicon} carry their content version ({@link Assets#versioned}). {@code lang} is the page's
 * {@code <html lang>}, {@code switchHref} the same page in the other language (its tag {@code switchLang}).
 */
public record Nav(String lang, String switchHref, String switchLang, String home, String claims, String routing,
                  String excluded, String css, String js, String favicon, String echarts, String leaderboardJson,
                  String leaderboardCsv) {
}
