package dev.claimcheck.core.suite.bfcl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BFCL's categories by their file name ({@code BFCL_v4_<category>.json}; v3 names too): those the AST check runs, and
 * those it does not, with the reason (README.md beside this class). The list is ours, read from the gorilla
 * repository's {@code bfcl_eval/data} at revision 7858cec9 (2025).
 */
final class BfclCategories {
    /** AST-checked single-turn categories, in BFCL's order. */
    static final List<String> RUN = List.of("simple_python", "simple", "multiple", "parallel", "parallel_multiple",
            "irrelevance", "live_simple", "live_multiple", "live_parallel", "live_parallel_multiple", "live_irrelevance",
            "live_relevance");

    /** Categories not run, with why. */
    static final Map<String, String> NOT_RUN = notRun();

    private BfclCategories() {
    }

    private static Map<String, String> notRun() {
        Map<String, String> m = new LinkedHashMap<>();
        String lang = "parameter values are written in that language's syntax; this checker reads Python/JSON values only";
        m.put("simple_java", "Java: " + lang);
        m.put("simple_javascript", "JavaScript: " + lang);
        m.put("java", "Java: " + lang);
        m.put("javascript", "JavaScript: " + lang);
        String multi = "multi-turn: needs BFCL's stateful Python API back ends (file system, trading, travel, …) executed between turns";
        m.put("multi_turn_base", multi);
        m.put("multi_turn_miss_func", multi);
        m.put("multi_turn_miss_param", multi);
        m.put("multi_turn_long_context", multi);
        m.put("web_search", "needs live web search (an external API)");
        m.put("memory", "needs BFCL's memory back ends and their prerequisite conversations");
        m.put("format_sensitivity", "re-asks other categories under many prompt formats; not a category of its own");
        m.put("rest", "executable: calls real REST APIs on the internet");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The category of a question file name, or null when it is not {@code BFCL_v<N>_<category>.json}. */
    static String ofFile(String fileName) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("BFCL_v(\\d+)_(.+)\\.json").matcher(fileName);
        return m.matches() ? m.group(2) : null;
    }

    /** The BFCL version of a question file name ("v4"), or null. */
    static String versionOfFile(String fileName) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("BFCL_(v\\d+)_.+\\.json").matcher(fileName);
        return m.matches() ? m.group(1) : null;
    }
}
