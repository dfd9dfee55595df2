package dev.claimcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.proof.MarkdownEscape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text and Markdown reports show every invisible character a hostile file name or finding detail may carry. */
class VerifyReportTest {
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069", "200E", "200F", "061C",
            "200B", "200D", "FEFF", "2028", "E0041"})
    void invisibleAndBidiCharactersAreShownAsCodePoints(String hex) {
        String ch = Character.toString(Integer.parseInt(hex, 16));
        Path dir = Path.of("results/runs/m/arith/arith/x" + ch + "y");
        RunReport r = new RunReport(dir, false, "key (alice" + ch + ")", List.of("limits", "schema"),
                List.of(new Finding.Schema("PASS" + ch + " schema")));
        for (String out : List.of(VerifyReport.markdown(List.of(r), List.of(), null), VerifyReport.text(List.of(r)))) {
            assertThat(out).doesNotContain(ch).contains("U+" + hex);
        }
        assertThat(MarkdownEscape.inline("a" + ch + "b", 100)).doesNotContain(ch);
        assertThat(MarkdownEscape.pre("a" + ch + "b", 100)).doesNotContain(ch).contains("&lt;U+" + hex + "&gt;");
    }
}
