package dev.claimcheck.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.SettingBasis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three forms of a claim's settings (docs/claims.md, "Settings"): undisclosed, plain values, values with a basis; and the optional derived mark and dates. */
class ClaimsReaderTest {
    @TempDir
    Path tmp;

    final List<ClaimsFile.Problem> problems = new ArrayList<>();

    List<Claim> read(String settings) throws IOException {
        Path f = tmp.resolve("m.json");
        Files.writeString(f, """
                {"schema": "claimcheck/claims/v1", "model": {"id": "o/M", "slug": "o--m"}, "lane": "instant",
                 "claims": [{"id": "c", "metric": "accuracy", "value": 0.9, "settings": %s,
                             "source": {"url": "https://example.org", "date": "2026-01-01"}}]}
                """.formatted(settings));
        return ClaimsReader.read("m.json", f, problems::add).map(ClaimsFile::claims).orElseThrow();
    }

    @Test
    void undisclosedIsTheWholeSettingsWord() throws IOException {
        Claim c = read("\"undisclosed\"").get(0);
        assertThat(c.undisclosed()).isTrue();
        assertThat(c.settings()).isEmpty();
    }

    @Test
    void plainValuesAreStated() throws IOException {
        Claim c = read("{\"temperature\": 0.6, \"tasks\": 200}").get(0);
        assertThat(c.undisclosed()).isFalse();
        assertThat(c.settings()).containsEntry("temperature", "0.6").containsEntry("tasks", "200");
        assertThat(c.basis("temperature")).isEqualTo(SettingBasis.STATED);
    }

    @Test
    void aBasisSaysWhyAndUndisclosedSettingsAreListedButNotCompared() throws IOException {
        Claim c = read("""
                {"protocol": {"value": "sglang-gsm8k", "basis": "stated"}, "numShots": {"value": 5, "basis": "scriptDefault"},
                 "stop": {"value": ["Question", "Assistant:"], "basis": "scriptDefault"}, "topP": {"basis": "undisclosed"}}""").get(0);
        assertThat(c.settings()).containsOnlyKeys("protocol", "numShots", "stop");
        assertThat(c.settings().get("stop")).isEqualTo("[\"Question\",\"Assistant:\"]");
        assertThat(c.basis("numShots")).isEqualTo(SettingBasis.SCRIPT_DEFAULT);
        assertThat(c.basis("topP")).isEqualTo(SettingBasis.UNDISCLOSED);
        assertThat(c.undisclosed()).isFalse();
        assertThat(read("{\"topP\": {\"basis\": \"undisclosed\"}}").get(0).undisclosed()).as("nothing to compare").isTrue();
    }

    @Test
    void anUnknownBasisOrAMissingValueIsAProblemNamingTheClaim() throws IOException {
        assertThat(read("{\"topP\": {\"value\": 1, \"basis\": \"guessed\"}}")).isEmpty();
        assertThat(read("{\"topP\": {\"basis\": \"stated\"}}")).isEmpty();
        assertThat(problems).extracting(ClaimsFile.Problem::reason).containsExactly(
                "claim 'c': setting topP has basis 'guessed', not stated, scriptDefault or undisclosed",
                "claim 'c': setting topP is stated and needs a value");
    }

    ClaimsFile file(String model, String claimExtra) throws IOException {
        Path f = tmp.resolve("d.json");
        Files.writeString(f, """
                {"schema": "claimcheck/claims/v1", "model": {"id": "o/M", "slug": "o--m"%s}, "lane": "instant",
                 "claims": [{"id": "c", "metric": "outputTokensMean", "value": 127.3, "settings": "undisclosed"%s,
                             "source": {"url": "https://example.org", "date": "2026-01-01"}}]}
                """.formatted(model, claimExtra));
        return ClaimsReader.read("d.json", f, problems::add).orElseThrow();
    }

    @Test
    void derivedValuesAndTheContaminationWindowsDatesAreRead() throws IOException {
        ClaimsFile f = file(", \"released\": \"2026-02-16\"", ", \"derived\": true, \"datasetPublished\": \"2026-02-06\"");
        assertThat(f.modelReleased()).isEqualTo("2026-02-16");
        assertThat(f.claims().get(0).derived()).isTrue();
        assertThat(f.claims().get(0).datasetPublished()).isEqualTo("2026-02-06");
        ClaimsFile plain = file("", "");
        assertThat(plain.modelReleased()).isEmpty();
        assertThat(plain.claims().get(0).derived()).isFalse();
        assertThat(plain.claims().get(0).datasetPublished()).isEmpty();
    }

    @Test
    void aMalformedDateIsAProblemNamingWhere() throws IOException {
        ClaimsFile f = file(", \"released\": \"Feb 2026\"", ", \"datasetPublished\": \"2026-2-6\"");
        assertThat(f.claims()).isEmpty();
        assertThat(f.modelReleased()).isEmpty();
        assertThat(problems).extracting(ClaimsFile.Problem::reason).containsExactly(
                "claim 'c': datasetPublished must be YYYY-MM-DD, got '2026-2-6'",
                "model: released must be YYYY-MM-DD, got 'Feb 2026'");
    }

    @Test
    void aBenchmarkWithoutATranscribedFigureIsReadWithWhyAndWhatItNeedsAndNeverWithAValue() throws IOException {
        Path f = tmp.resolve("u.json");
        Files.writeString(f, """
                {"schema": "claimcheck/claims/v1", "model": {"id": "o/M", "slug": "o--m"}, "lane": "thinking",
                 "claims": [{"id": "c", "metric": "accuracy", "value": 0.9, "settings": "undisclosed",
                             "source": {"url": "https://example.org", "date": "2026-01-01"}}],
                 "untranscribed": [
                   {"id": "swe", "benchmark": "SWE-bench Verified", "workload": "swebench", "suite": "swebench",
                    "reason": "only in an image", "needs": "a container engine",
                    "source": {"url": "https://example.org/card", "date": "2026-02-13"}},
                   {"id": "no-needs", "benchmark": "X", "reason": "r"},
                   {"id": "figure", "benchmark": "Y", "reason": "r", "needs": "n", "value": 0.5},
                   {"id": "c", "benchmark": "Z", "reason": "r", "needs": "n"}]}
                """);
        ClaimsFile file = ClaimsReader.read("u.json", f, problems::add).orElseThrow();
        assertThat(file.untranscribed()).singleElement().satisfies(u -> {
            assertThat(u.benchmark()).isEqualTo("SWE-bench Verified");
            assertThat(u.suite()).isEqualTo("swebench");
            assertThat(u.needs()).isEqualTo("a container engine");
            assertThat(u.source().url()).isEqualTo("https://example.org/card");
        });
        assertThat(problems).extracting(ClaimsFile.Problem::reason).containsExactly(
                "untranscribed[1] lacks needs",
                "untranscribed[2] ('figure') has a value: a transcribed figure goes in claims[], with its source",
                "untranscribed[3]: id 'c' is used twice in the file");
    }
}
