package dev.claimcheck.core.verify;

import dev.claimcheck.core.proof.MarkdownEscape;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions workflow commands for a verify report ({@code ::error file=…,title=…::…}), printed on stdout when
 * {@code GITHUB_ACTIONS=true} so each finding shows on the pull request (docs/verification.md). Failures are errors,
 * drift and warnings are warnings; the text is escaped as the workflow-command syntax requires, so a hostile file name
 * or detail cannot end the command early or start another.
 */
public final class GithubAnnotations {
    private GithubAnnotations() {
    }

    public static List<String> lines(VerifyJson.Report report) {
        List<String> out = new ArrayList<>();
        for (VerifyJson.Run run : report.runs()) {
            for (VerifyJson.FindingRow f : run.findings()) {
                out.add(command(f.severity(), f.file(), f.id(), f.detail()));
            }
        }
        for (VerifyJson.RootFinding f : report.rootFindings()) {
            out.add(command(f.severity(), f.file(), f.id(), f.detail()));
        }
        return out;
    }

    static String command(String severity, String file, String title, String message) {
        return "::" + (severity.equals("FAIL") ? "error" : "warning") + " file=" + property(file) + ",title=" + property(title)
                + "::" + data(title + ": " + message);
    }

    /** Message data: %, CR and LF are percent-encoded. */
    static String data(String s) {
        // Invisible and bidi characters are shown as <U+XXXX>, as in the text and Markdown reports.
        return MarkdownEscape.visible(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Property values additionally encode ':' and ','. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
