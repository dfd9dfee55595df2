package dev.claimcheck.site.page;

import dev.claimcheck.core.model.PromptHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The site's own static files and their versioned URLs: {@code static/site.css?v=<first 12 hex of its sha256>}. The
 * server lets browsers cache static files for a day under their name (Quarkus's default), so a changed file must get a
 * new URL; the query string does that on the server and on GitHub Pages alike (both ignore it when finding the file).
 */
public final class Assets {
    public static final String CSS = "static/site.css";
    public static final String JS = "static/site.js";
    public static final String FAVICON = "static/favicon.svg";
    /** KaTeX's fonts as its CSS names them (the woff2 of each: every browser that runs KaTeX reads woff2). */
    public static final List<String> KATEX_FONTS = katexFonts();
    /** Every file the pages link, as the static export copies them (ECharts is versioned by its path). */
    public static final List<String> FILES = List.of(CSS, JS, FAVICON, Links.ECHARTS);
    /** KaTeX's files (versioned by their path), which only proof pages link: exported when the root has a proofs run. */
    public static final List<String> KATEX_FILES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(Links.KATEX_JS, Links.KATEX_CSS), KATEX_FONTS.stream()).toList();

    private static final Map<String, String> VERSIONS = versions();

    private Assets() {
    }

    /** The path with its content version, e.g. {@code static/site.css?v=0123456789ab}. */
    public static String versioned(String path) {
        String v = VERSIONS.get(path);
        if (v == null) {
            throw new IllegalArgumentException("not a static file of the site: " + path);
        }
        return path + "?v=" + v;
    }

    /** The bytes of a static file as served ({@code META-INF/resources/<path>} on the classpath). */
    public static byte[] bytes(String path) {
        String resource = "META-INF/resources/" + path;
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static List<String> katexFonts() {
        String css = new String(bytes(Links.KATEX_CSS), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("url\\((fonts/[A-Za-z0-9_-]+\\.woff2)\\)").matcher(css);
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        while (m.find()) {
            out.add(Links.KATEX_DIR + m.group(1));
        }
        return List.copyOf(out);
    }

    private static Map<String, String> versions() {
        Map<String, String> out = new TreeMap<>();
        for (String f : List.of(CSS, JS, FAVICON)) {
            out.put(f, PromptHash.sha256Hex(bytes(f)).substring(0, 12));
        }
        return Map.copyOf(out);
    }
}
