package dev.claimcheck.site.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core, from the test classpath (Deque's {@code com.deque.html.axe-core:selenium} jar bundles {@code axe.min.js};
 * only that file is used), injected into the loaded page through the driver, so the page's Content-Security-Policy
 * (which allows only the site's own scripts) does not apply to it.
 */
final class Axe {
    /** The rule sets run: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    /** The impacts that fail a test. */
    static final List<String> FAILING = List.of("serious", "critical");

    private static final String SCRIPT = load();

    private Axe() {
    }

    /** One node a rule flags on a page. */
    record Violation(String rule, String impact, String target, String summary) {
        @Override
        public String toString() {
            return rule + " (" + impact + ") at " + target + ": " + summary;
        }
    }

    /** Runs axe on the page the driver shows and returns every serious or critical violation, one per node. */
    @SuppressWarnings("unchecked")
    static List<Violation> seriousOrCritical(ChromeDriver driver) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(SCRIPT);
        }
        List<Map<String, Object>> found = (List<Map<String, Object>>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(r => done(r.violations.flatMap(v => v.nodes
                      .filter(n => arguments[1].includes(n.impact || v.impact))
                      .map(n => ({rule: v.id, impact: n.impact || v.impact, target: n.target.join(' '),
                                  summary: (n.failureSummary || v.help).replace(/\\s+/g, ' ').slice(0, 200)})))))
                  .catch(e => done([{rule: 'axe-error', impact: 'critical', target: '', summary: String(e)}]));
                """, TAGS, FAILING);
        return found.stream().map(m -> new Violation((String) m.get("rule"), (String) m.get("impact"),
                (String) m.get("target"), (String) m.get("summary"))).toList();
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath: quarkus-site's pom names"
                        + " com.deque.html.axe-core:selenium as a test dependency (run ./mvnw once without -o to fetch it)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
