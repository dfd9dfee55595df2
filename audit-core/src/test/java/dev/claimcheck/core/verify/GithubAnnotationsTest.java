package dev.claimcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Workflow commands carry hostile text inertly: one line, no early end of the properties or the command. */
class GithubAnnotationsTest {
    @Test
    void newlinesPercentSignsColonsAndCommasAreEncoded() {
        String line = GithubAnnotations.command("FAIL", "runs/a,b:c/MANIFEST", "hashMismatch", "100% bad\n::error::forged");
        assertThat(line).isEqualTo("::error file=runs/a%2Cb%3Ac/MANIFEST,title=hashMismatch::hashMismatch: 100%25 bad%0A::error::forged");
        assertThat(line.lines()).hasSize(1);
    }

    @Test
    void driftAndWarningsAreWarnings() {
        assertThat(GithubAnnotations.command("WARN", "f", "notRegraded", "x")).startsWith("::warning file=f,title=notRegraded::");
        assertThat(GithubAnnotations.command("DRIFT", "f", "regradeDrift", "x")).startsWith("::warning ");
    }
}
