package dev.claimcheck.site.page;

/**
 * Relative links between pages, the same for the server and the static export except the file
 * extension: the server answers {@code runs/ID}, the export writes {@code runs/ID.html}.
 *
 * @param base the way back to the site root from the current page ("./" or "../")
 * @param export true for the static export
 */
public record Links(String base, boolean export) {
    public static final String ECHARTS = "webjars/echarts/5.3.1/dist/echarts.min.js";

    public static Links at(int depth, boolean export) {
        return new Links(depth == 0 ? "./" : "../".repeat(depth), export);
    }

    private String ext() {
        return export ? ".html" : "";
    }

    public String home() {
        return export ? base + "index.html" : base;
    }

    public String run(String runId) {
        return base + "runs/" + runId + ext();
    }

    public String model(String slug) {
        return base + "models/" + slug + ext();
    }

    public String claims() {
        return base + "claims" + ext();
    }

    public String claim(String slug, String claimId) {
        return claims() + "#" + anchor(slug, claimId);
    }

    public static String anchor(String slug, String claimId) {
        return "claim-" + (slug + "-" + claimId).replaceAll("[^A-Za-z0-9._-]", "-");
    }

    /** The full page of one board (every row of both lanes, and the chart's points as a table). */
    public String board(String slug) {
        return base + "boards/" + slug + ext();
    }

    /** Chart data ({@link ChartData} as JSON), a separate resource so pages stay small; same path served and exported. */
    public String chart(String id) {
        return base + "api/charts/" + id + ".json";
    }

    /** The list of routing pages, one per workload with a pair of runs. */
    public String routingIndex() {
        return base + "routing" + ext();
    }

    /** The routing page of a workload (docs/routing.md). */
    public String routing(String workload) {
        return base + "routing/" + workload + ext();
    }

    /** The compare page ({@code compare?a=RUN&b=RUN}); the server only, as its selectors need it. */
    public String compare() {
        return base + "compare";
    }

    public String excluded() {
        return base + "excluded" + ext();
    }

    public String runJson(String runId) {
        return base + "api/runs/" + runId + ".json";
    }

    /** URL template for a page of samples; the script fills {verdict}, {sort} and {page}. */
    public String samples(String runId) {
        return export ? base + "api/runs/" + runId + "/samples/{verdict}-{sort}-{page}.json"
                : base + "api/runs/" + runId + "/samples?verdict={verdict}&sort={sort}&page={page}";
    }

    public Nav nav() {
        return new Nav(home(), claims(), routingIndex(), excluded(), base + Assets.versioned(Assets.CSS),
                base + Assets.versioned(Assets.JS), base + Assets.versioned(Assets.FAVICON), base + ECHARTS, base + "api/leaderboard.json", base + "api/leaderboard.csv");
    }
}
