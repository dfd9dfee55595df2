package dev.claimcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Finding ids are stable camelCase, unique, and each is documented in docs/verification.md; the doc's two tables list
 * exactly the kinds of {@link Finding.Kind} and {@link LedgerFinding.Kind}, in their order, with their check and severity.
 */
class FindingIdsTest {
    @Test
    void idsAreUniqueCamelCaseAndDocumented() throws IOException {
        List<String> ids = Finding.ids();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][a-zA-Z]*"));
        String doc = Files.readString(repository().resolve("docs/verification.md"));
        for (String id : ids) {
            assertThat(doc).as("docs/verification.md documents %s", id).contains("`" + id + "`");
        }
    }

    @Test
    void everyFindingBelongsToACheckVerifyRuns() {
        for (Finding.Kind k : Finding.Kind.values()) {
            assertThat(Finding.CHECKS).as(k.name()).contains(k.check());
        }
    }

    /** Each row of "Checks, in order, and their finding ids" is {@code check, id, warning?} of one Finding.Kind. */
    @Test
    void theChecksTableListsEveryKindInOrderWithItsCheckAndSeverity() throws IOException {
        List<String> rows = rows(section("## Checks, in order"), "^\\| (\\w+) \\| `(\\w+)` \\| (.*)$", 3);
        List<String> kinds = Arrays.stream(Finding.Kind.values())
                .map(k -> k.check() + " " + k.id() + " " + (k.severity() != Finding.Severity.FAIL)).toList();
        assertThat(rows).containsExactlyElementsOf(kinds);
    }

    /** Each row of "Root findings" is {@code id, warning?} of one LedgerFinding.Kind. */
    @Test
    void theRootFindingsTableListsEveryLedgerKindInOrder() throws IOException {
        List<String> rows = rows(section("## Root findings"), "^\\| `(\\w+)` \\| (.*)$", 2);
        List<String> kinds = Arrays.stream(LedgerFinding.Kind.values()).map(k -> k.id() + " " + k.warning()).toList();
        assertThat(rows).containsExactlyElementsOf(kinds);
    }

    /** The rows' leading cells, then whether the meaning opens with a bold "Warning."/"Not a failure." (not FAIL). */
    private static List<String> rows(String section, String row, int meaning) {
        Matcher m = Pattern.compile(row, Pattern.MULTILINE).matcher(section);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            StringBuilder sb = new StringBuilder();
            for (int g = 1; g < meaning; g++) {
                sb.append(m.group(g)).append(' ');
            }
            out.add(sb.append(m.group(meaning).startsWith("**")).toString());
        }
        return out;
    }

    /** From the heading that starts with {@code heading} to the next heading. */
    private static String section(String heading) throws IOException {
        String doc = Files.readString(repository().resolve("docs/verification.md"));
        int start = doc.indexOf("\n" + heading);
        assertThat(start).as("docs/verification.md has %s", heading).isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    static Path repository() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(p.resolve("jbang-catalog.json"))) {
            p = p.getParent();
        }
        return p;
    }
}
