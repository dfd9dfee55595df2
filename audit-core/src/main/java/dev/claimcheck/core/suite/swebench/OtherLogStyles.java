package dev.claimcheck.core.suite.swebench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official harness's rules for the three SWE-bench repositories whose tests are not read from pytest's summary
 * (swebench/harness/log_parsers, re-implemented from their documented behaviour): django's test runner at verbosity 2,
 * sympy's bin/test, and seaborn's pytest output with the status after the id. A later line for the same test wins.
 */
final class OtherLogStyles {
    private static final List<String> DJANGO_PASS = List.of(" ... ok", " ... OK", " ...  OK");
    /** django__django-7188 prints a migration line and the test result on one line. */
    private static final String DJANGO_7188 = "Applying sites.0002_alter_domain_unique...test_no_migrations";
    private static final String DJANGO_VERSION = "--version is equivalent to version";
    /**
     * A passing test whose "ok" lands on the next line behind a message the runner printed in between (the harness
     * lists three such messages).
     */
    private static final List<Pattern> DJANGO_INTERRUPTED = List.of(
            Pattern.compile("^(.*?)\\s\\.\\.\\.\\sTesting against Django installed in (?s:.*?) silenced\\)\\.\\nok$", Pattern.MULTILINE),
            Pattern.compile("^(.*?)\\s\\.\\.\\.\\sInternal Server Error: /(.*)/\\nok$", Pattern.MULTILINE),
            Pattern.compile("^(.*?)\\s\\.\\.\\.\\sSystem check identified no issues \\(0 silenced\\)\\nok$", Pattern.MULTILINE));
    /** A sympy failure's header, "____ sympy/core/tests/test_x.py:test_y ____". */
    private static final Pattern SYMPY_FAILURE = Pattern.compile("(_*) (.*)\\.py:(.*) (_*)");

    private OtherLogStyles() {
    }

    /** django: "test (module.Class) ... ok|FAIL|ERROR|skipped …", "FAIL: test", "ERROR: test", and an "ok" on its own line. */
    static Map<String, TestStatus> django(String log) {
        Map<String, TestStatus> statuses = new LinkedHashMap<>();
        String previous = null;
        for (String raw : log.split("\n", -1)) {
            String line = raw.strip();
            if (line.contains(DJANGO_VERSION)) {
                statuses.put(DJANGO_VERSION, TestStatus.PASSED);
            }
            if (line.contains(" ... ")) {
                previous = line.substring(0, line.indexOf(" ... "));
            }
            for (String suffix : DJANGO_PASS) {
                if (line.endsWith(suffix)) {
                    String l = line.startsWith(DJANGO_7188) ? line.substring(line.indexOf("...") + 3).strip() : line;
                    statuses.put(l.substring(0, l.lastIndexOf(suffix)), TestStatus.PASSED);
                    break;
                }
            }
            if (line.contains(" ... skipped")) {
                statuses.put(line.substring(0, line.indexOf(" ... skipped")), TestStatus.SKIPPED);
            }
            if (line.endsWith(" ... FAIL")) {
                statuses.put(line.substring(0, line.indexOf(" ... FAIL")), TestStatus.FAILED);
            }
            if (line.startsWith("FAIL:")) {
                secondWord(line).ifPresent(t -> statuses.put(t, TestStatus.FAILED));
            }
            if (line.endsWith(" ... ERROR")) {
                statuses.put(line.substring(0, line.indexOf(" ... ERROR")), TestStatus.ERROR);
            }
            if (line.startsWith("ERROR:")) {
                secondWord(line).ifPresent(t -> statuses.put(t, TestStatus.ERROR));
            }
            if (line.startsWith("ok") && previous != null) {
                statuses.put(previous, TestStatus.PASSED);
            }
        }
        for (Pattern p : DJANGO_INTERRUPTED) {
            Matcher m = p.matcher(log);
            while (m.find()) {
                statuses.put(m.group(1), TestStatus.PASSED);
            }
        }
        return statuses;
    }

    /** sympy: failure headers mark "path.py:test" failed; "test_x ok|F|E" lines give a test's status. */
    static Map<String, TestStatus> sympy(String log) {
        Map<String, TestStatus> statuses = new LinkedHashMap<>();
        Matcher m = SYMPY_FAILURE.matcher(log);
        while (m.find()) {
            statuses.put(m.group(2) + ".py:" + m.group(3), TestStatus.FAILED);
        }
        for (String raw : log.split("\n", -1)) {
            String line = raw.strip();
            if (!line.startsWith("test_")) {
                continue;
            }
            String test = line.split("\\s+")[0];
            if (line.endsWith(" E")) {
                statuses.put(test, TestStatus.ERROR);
            }
            if (line.endsWith(" F")) {
                statuses.put(test, TestStatus.FAILED);
            }
            if (line.endsWith(" ok")) {
                statuses.put(test, TestStatus.PASSED);
            }
        }
        return statuses;
    }

    /** seaborn: "FAILED id …", "id PASSED …" or "PASSED id". */
    static Map<String, TestStatus> seaborn(String log) {
        Map<String, TestStatus> statuses = new LinkedHashMap<>();
        for (String line : log.split("\n", -1)) {
            String[] parts = line.trim().split("\\s+");
            if (line.startsWith("FAILED")) {
                if (parts.length > 1) {
                    statuses.put(parts[1], TestStatus.FAILED);
                }
            } else if (line.contains(" PASSED ")) {
                if (parts.length > 1 && parts[1].equals("PASSED")) {
                    statuses.put(parts[0], TestStatus.PASSED);
                }
            } else if (line.startsWith("PASSED") && parts.length > 1) {
                statuses.put(parts[1], TestStatus.PASSED);
            }
        }
        return statuses;
    }

    private static java.util.Optional<String> secondWord(String line) {
        String[] words = line.trim().split("\\s+");
        return words.length > 1 ? java.util.Optional.of(words[1]) : java.util.Optional.empty();
    }
}
