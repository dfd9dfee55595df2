package dev.claimcheck.site.proof;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Solutions are written by models and vendors: Markdown is rendered, HTML never passes, LaTeX stays TeX for KaTeX. */
class MathMarkdownTest {
    @Test
    void rawHtmlIsEscapedNeverPassedThrough() {
        String html = MathMarkdown.render("Proof.\n\n<script>alert(1)</script>\n\nand <img src=x onerror=alert(2)> inline");
        assertThat(html).doesNotContain("<script", "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            javascript link          | [click](javascript:alert(1))
            upper-case scheme        | [click](JaVaScRiPt:alert(1))
            data link                | [click](data:text/html;base64,PHNjcmlwdD4=)
            vbscript link            | [click](vbscript:msgbox)
            javascript image         | ![x](javascript:alert(1))
            """)
    void unsafeLinkTargetsAreDropped(String name, String markdown) {
        String html = MathMarkdown.render(markdown);
        assertThat(html.toLowerCase()).doesNotContain("javascript:", "data:", "vbscript:");
    }

    @Test
    void safeLinksKeepTheirTargetAndAreMarkedNofollow() {
        assertThat(MathMarkdown.render("[MathArena](https://matharena.ai/)"))
                .contains("<a rel=\"nofollow noopener noreferrer\" href=\"https://matharena.ai/\">MathArena</a>");
    }

    @Test
    void mathIsTakenOutBeforeMarkdownSoEmphasisCharactersStayTex() {
        String html = MathMarkdown.render("Let $a_1 * b_2 = c_3 * d$ and **bold**.\n\n$$\\sum_{i=1}^n x_i < 2$$");
        assertThat(html).contains("<span class=\"math\">a_1 * b_2 = c_3 * d</span>", "<strong>bold</strong>",
                "<span class=\"math math-display\">\\sum_{i=1}^n x_i &lt; 2</span>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            backslash parens     | so \\(x^2\\) holds       | <span class="math">x^2</span>
            backslash brackets   | \\[x+y\\]                | <span class="math math-display">x+y</span>
            prices are not math  | costs $5 and $6 today    | costs $5 and $6 today
            escaped dollar       | a \\$ sign               | a $ sign
            code span kept       | `$x$` in code            | <code>$x$</code> in code
            """)
    void delimiters(String name, String markdown, String expected) {
        assertThat(MathMarkdown.render(markdown)).contains(expected);
    }

    @Test
    void texCannotCloseItsSpanOrInjectMarkup() {
        String html = MathMarkdown.render("$x</span><script>alert(1)</script>$ and \uE0000\uE001 markers");
        assertThat(html).doesNotContain("<script").contains("<span class=\"math\">x&lt;/span&gt;&lt;script&gt;alert(1)&lt;/script&gt;</span>");
        assertThat(html).contains("0 markers");
    }

    @Test
    void mathInALinkTitleIsWrittenBackAsEscapedText() {
        String html = MathMarkdown.render("[x](https://example.org \"t $a\\\"b$\")");
        assertThat(html).doesNotContain("\uE000").contains("title=\"t");
    }

    @Test
    void fencedCodeKeepsItsDollars() {
        String html = MathMarkdown.render("```\necho $HOME $PATH\n```\nthen $y$");
        assertThat(html).contains("echo $HOME $PATH", "<span class=\"math\">y</span>");
    }
}
