package dev.claimcheck.core.suite.swebench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official harness's rule for turning one repository's test log into test id → status, for every repository of
 * SWE-bench Verified (docs/grading/swebench.md): pytest's summary styles here, django's, sympy's and seaborn's in
 * {@link OtherLogStyles}. A repository outside the harness's map has none ({@link #forRepo} is empty) and its
 * instances are reported as not re-scored.
 */
public enum LogParser {
    /** pytest's summary lines, status first ("FAILED a.py::t - AssertionError" loses its " - "). */
    PYTEST,
    /** As {@link #PYTEST}, with a parametrised id's absolute-path option shortened to its last segment. */
    PYTEST_OPTIONS,
    /**
     * As {@link #PYTEST}, after stripping ANSI colour codes and control characters. (The harness's extra branch for
     * status-last lines keys the status word, not a test id, so it can never match a listed test; it is left out.)
     */
    PYTEST_V2,
    /** As {@link #PYTEST}, with matplotlib's MouseButton enum names written as their numbers. */
    MATPLOTLIB,
    /** django's test runner at verbosity 2: "test (module.Class) ... ok". */
    DJANGO,
    /** sympy's bin/test: "test_x ok", "test_x F", and failure headers naming "path.py:test". */
    SYMPY,
    /** seaborn's pytest output, status first or after the id. */
    SEABORN;

    private static final Map<String, LogParser> BY_REPO = Map.ofEntries(
            Map.entry("astropy/astropy", PYTEST_V2),
            Map.entry("django/django", DJANGO),
            Map.entry("mwaskom/seaborn", SEABORN),
            Map.entry("sympy/sympy", SYMPY),
            Map.entry("marshmallow-code/marshmallow", PYTEST),
            Map.entry("matplotlib/matplotlib", MATPLOTLIB),
            Map.entry("pallets/flask", PYTEST),
            Map.entry("psf/requests", PYTEST_OPTIONS),
            Map.entry("pvlib/pvlib-python", PYTEST),
            Map.entry("pydata/xarray", PYTEST),
            Map.entry("pydicom/pydicom", PYTEST_OPTIONS),
            Map.entry("pylint-dev/astroid", PYTEST),
            Map.entry("pylint-dev/pylint", PYTEST_OPTIONS),
            Map.entry("pytest-dev/pytest", PYTEST),
            Map.entry("pyvista/pyvista", PYTEST),
            Map.entry("scikit-learn/scikit-learn", PYTEST_V2),
            Map.entry("sqlfluff/sqlfluff", PYTEST),
            Map.entry("sphinx-doc/sphinx", PYTEST_V2));

    private static final Pattern ANSI = Pattern.compile("\\[(\\d+)m");
    private static final Pattern CONTROL = Pattern.compile("[\\x01-\\x1f]");
    private static final Pattern OPTION = Pattern.compile("(.*?)\\[(.*)\\]");

    public static Optional<LogParser> forRepo(String repo) {
        return Optional.ofNullable(BY_REPO.get(repo));
    }

    /** Test id → status; a later line for the same id wins, as in the harness. */
    public Map<String, TestStatus> parse(String log) {
        switch (this) {
            case DJANGO:
                return OtherLogStyles.django(log);
            case SYMPY:
                return OtherLogStyles.sympy(log);
            case SEABORN:
                return OtherLogStyles.seaborn(log);
            default:
                break;
        }
        Map<String, TestStatus> statuses = new LinkedHashMap<>();
        for (String raw : log.split("\n", -1)) {
            String line = clean(raw);
            Optional<TestStatus> leading = TestStatus.leading(line);
            if (leading.isPresent()) {
                if (leading.get() == TestStatus.FAILED) {
                    line = line.replace(" - ", " ");
                }
                String[] words = line.trim().split("\\s+");
                if (words.length >= 2) {
                    statuses.put(testId(words[1]), leading.get());
                }
            }
        }
        return statuses;
    }

    private String clean(String line) {
        return switch (this) {
            case PYTEST_V2 -> CONTROL.matcher(ANSI.matcher(line).replaceAll("")).replaceAll("");
            case MATPLOTLIB -> line.replace("MouseButton.LEFT", "1").replace("MouseButton.RIGHT", "3");
            default -> line;
        };
    }

    private String testId(String word) {
        if (this != PYTEST_OPTIONS) {
            return word;
        }
        Matcher m = OPTION.matcher(word);
        if (!m.find()) {
            return word;
        }
        String option = m.group(2);
        if (option.startsWith("/") && !option.startsWith("//") && !option.contains("*")) {
            option = "/" + option.substring(option.lastIndexOf('/') + 1);
        }
        return m.group(1) + "[" + option + "]";
    }
}
