package dev.claimcheck.site.page;

import dev.claimcheck.core.stats.Sentence;
/**
 * Relative links between pages, the same for the server and the static export except the file
 * extension: the server answers {@code runs/ID}, the export writes {@code runs/ID.html}. A page's links to
 * other pages stay in its language ({@code zh/runs/ID}); assets, chart data and the API are shared by both.
 *
 * @param base the way back to the site root from the current page ("./" or "../")
 * @param export true for the static export
 * @param lang the page's language
 * @param self the page's own path below its language's folder, without extension ({@code runs/ID}, "" for the
 *             leaderboard; a query may follow on the server); null when unknown (the switch then offers the home)
 */
public record Links(String base, boolean export, Lang lang, String self) {
    public static final String ECHARTS = "webjars/echarts/5.3.1/dist/echarts.min.js";
    /** KaTeX, which typesets proof pages' LaTeX in the browser (its fonts beside the CSS, {@link Assets#KATEX_FONTS}). */
    public static final String KATEX_DIR = "webjars/katex/0.18.11/dist/";
    public static final String KATEX_JS = KATEX_DIR + "katex.min.js";
    public static final String KATEX_CSS = KATEX_DIR + "katex.min.css";

    /** An English page {@code depth} folders below the root whose own path is not known. */
    public static Links at(int depth, boolean export) {
        return new Links(up(depth), export, Lang.EN, null);
    }

    /** The page at {@code self} ({@code runs/ID}, "" for the leaderboard) in {@code lang}. */
    public static Links page(String self, boolean export, Lang lang) {
        int q = self.indexOf('?');
        String path = q < 0 ? self : self.substring(0, q);
        int depth = lang.depth() + (int) path.chars().filter(c -> c == '/').count();
        return new Links(up(depth), export, lang, self);
    }

    private static String up(int depth) {
        return depth == 0 ? "./" : "../".repeat(depth);
    }

    private String ext() {
        return export ? ".html" : "";
    }

    /** The way from this page to the root of its language's pages. */
    private String pages() {
        return base + lang.prefix();
    }

    public String home() {
        return export ? pages() + "index.html" : pages();
    }

    /** The same page in {@code other}, relative to this one. */
    public String in(Lang other) {
        Links there = new Links(base, export, other, self);
        if (self == null || self.isEmpty() || self.startsWith("?")) {
            return there.home() + (self == null ? "" : self);
        }
        int q = self.indexOf('?');
        return q < 0 ? there.pages() + self + ext() : there.pages() + self.substring(0, q) + ext() + self.substring(q);
    }

    public String run(String runId) {
        return pages() + "runs/" + runId + ext();
    }

    public String model(String slug) {
        return pages() + "models/" + slug + ext();
    }

    public String claims() {
        return pages() + "claims" + ext();
    }

    public String claim(String slug, String claimId) {
        return claims() + "#" + anchor(slug, claimId);
    }

    public static String anchor(String slug, String claimId) {
        return "claim-" + (slug + "-" + claimId).replaceAll("[^A-Za-z0-9._-]", "-");
    }

    /** The full page of one board (every row of both lanes, and the chart's points as a table). */
    public String board(String slug) {
        return pages() + "boards/" + slug + ext();
    }

    /** Chart data ({@link ChartData} as JSON), a separate resource so pages stay small; same path served and exported. */
    public String chart(String id) {
        return base + "api/charts/" + id + ".json";
    }

    /** The list of routing pages, one per workload with a pair of runs. */
    public String routingIndex() {
        return pages() + "routing" + ext();
    }

    /** The routing page of a workload (docs/routing.md). */
    public String routing(String workload) {
        return pages() + "routing/" + workload + ext();
    }

    /** The compare page ({@code compare?a=RUN&b=RUN}); the server only, as its selectors need it. */
    public String compare() {
        return pages() + "compare";
    }

    public String excluded() {
        return pages() + "excluded" + ext();
    }

    public String runJson(String runId) {
        return base + "api/runs/" + runId + ".json";
    }

    /** The page of one attempt; {@code path} is {@code TASK-SEGMENT/ATTEMPT} (answers.SampleKey#path). */
    public String sample(String runId, String path) {
        return pages() + "runs/" + runId + "/samples/" + path + ext();
    }

    /** The page of one problem of a proof run; {@code segment} is the problem id's path segment (answers.SampleKey#segment). */
    public String proof(String runId, String segment) {
        return base + "runs/" + runId + "/proofs/" + segment + ext();
    }

    /** A file served from the classpath (a webjar's), as the pages link it. */
    public String asset(String path) {
        return base + path;
    }

    /** From an attempt's page, another attempt at the same task: the same folder, so a short relative link. */
    public String sibling(int attempt) {
        return attempt + ext();
    }

    /** Every attempt of a run as a task × attempt grid (works without scripts). */
    public String runSamples(String runId) {
        return pages() + "runs/" + runId + "/samples" + ext();
    }

    /** The short index of a run's attempts that the sample browser filters and pages (answers.SampleIndex). */
    public String sampleIndex(String runId) {
        return base + "api/runs/" + runId + "/samples.json";
    }

    /** A board's problem × model grid of every answer. */
    public String grid(String boardSlug) {
        return pages() + "boards/" + boardSlug + "/grid" + ext();
    }

    /** A text of the page's language ({@link Messages#get}). */
    public String text(String key, Object... args) {
        return Messages.of(lang).get(key, args);
    }

    /**
     * An audit-core sentence in the page's language: {@code sentence.KIND} with its figures (docs/site.md,
     * "Languages"); a {@code TEXT} sentence (no wording of its own) as it is, an argument that is a sentence in the
     * page's language too, and the parts that follow it each after {@link Sentence#THEN}.
     */
    public String text(Sentence s) {
        return Messages.of(lang).text(s);
    }

    /** The page's number and date formatter. */
    public Fmt fmt() {
        return Fmt.of(lang);
    }

    public Nav nav() {
        return new Nav(lang.tag(), in(lang.other()), lang.other().tag(), home(), claims(), routingIndex(), excluded(), base + Assets.versioned(Assets.CSS),
                base + Assets.versioned(Assets.JS), base + Assets.versioned(Assets.FAVICON), base + ECHARTS, base + "api/leaderboard.json", base + "api/leaderboard.csv");
    }
}
