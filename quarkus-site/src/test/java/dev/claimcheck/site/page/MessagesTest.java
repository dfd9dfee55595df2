package dev.claimcheck.site.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.ClaimVerdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.stats.Sentence;
import dev.claimcheck.core.stats.ThroughputComparison;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.site.routing.RoutingPairs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The two bundles hold the same keys, and every key the templates, the script and the code ask for exists. */
class MessagesTest {
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path SCRIPT = Path.of("src/main/resources/META-INF/resources/static/site.js");
    static final Path CODE = Path.of("src/main/java/dev/claimcheck/site");
    /** The values a template or the script completes a key with ({@code t("lane." + lane)}). */
    static final Set<String> LANES = Set.of("instant", "thinking");
    static final Set<String> OUTCOMES = Set.of("correct", "wrong", "error");
    static final Set<String> BADGES = Set.of("simulated", "verified", "unverified", "invalid");

    @Test
    void everyKeyOfEachLanguageExistsInTheOtherWithAText() {
        var en = Messages.of(Lang.EN).all();
        var zh = Messages.of(Lang.ZH).all();
        assertThat(en.keySet()).isEqualTo(zh.keySet()).hasSizeGreaterThan(200);
        for (Lang l : Lang.values()) {
            Messages.of(l).all().forEach((k, v) -> assertThat(v.strip()).as(l + " " + k).isNotEmpty());
        }
        en.forEach((k, v) -> assertThat(placeholders(zh.get(k))).as("placeholders of " + k).isEqualTo(placeholders(v)));
    }

    @Test
    void chineseTextsAreChineseExceptTermsKeptAsTheyAre() {
        // a value copied untranslated would pass the key check; only these are the same in both on purpose
        Set<String> same = Set.of("js.tokens", "js.chart.point", "badge.simulated.label", "badge.verified.label",
                "badge.invalid.label", "workload.arc.title", "workload.swebench.title", "figure.math.passAt*",
                "figure.code.passAt*", "figure.arc.passAt*", "figure.passHatK.*", "figure.tau2.passHatK.*");
        var zh = Messages.of(Lang.ZH).all();
        Messages.of(Lang.EN).all().forEach((k, v) -> {
            if (!same.contains(k)) {
                assertThat(zh.get(k)).as(k).isNotEqualTo(v);
            }
        });
    }

    @Test
    void everyWorkloadAndPairRelationHasItsTextsInBothAndTheEnglishIsTheCodesOwn() {
        for (Workload w : Workload.values()) {
            Figures f = SuiteRegistry.figures(w);
            for (Lang l : Lang.values()) {
                assertThat(Messages.of(l).all()).as(l + " " + w.id()).containsKeys("workload." + w.id() + ".title",
                        "workload." + w.id() + ".measured");
            }
            assertThat(Messages.of(Lang.EN).get("workload." + w.id() + ".title")).isEqualTo(f.title());
            assertThat(Messages.of(Lang.EN).get("workload." + w.id() + ".measured")).isEqualTo(f.measured());
        }
        assertThat(Messages.of(Lang.EN).get("tp.memoryAccess")).isEqualTo(ThroughputComparison.MEMORY_ACCESS);
        for (RoutingPairs.Relation r : RoutingPairs.Relation.values()) {
            assertThat(Messages.of(Lang.EN).get("routing.relation." + r.name())).isEqualTo(r.label());
            assertThat(Messages.of(Lang.ZH).all()).containsKey("routing.relation." + r.name());
        }
    }

    @Test
    void everyAuditCoreSentenceHasItsTextInBothAndTheEnglishIsTheCodesOwn() {
        for (Sentence.Kind k : Sentence.Kind.values()) {
            if (k == Sentence.Kind.TEXT) {
                continue; // shown as it is, in every language
            }
            assertThat(Messages.of(Lang.EN).get("sentence." + k.name())).as(k.name()).isEqualTo(k.english());
            assertThat(Messages.of(Lang.ZH).all()).containsKey("sentence." + k.name());
        }
    }

    @Test
    void everyGraderStandingOfAProofPageHasItsTextInBoth() {
        Set<String> standings = new TreeSet<>(Set.of("claim"));
        Stream.of(dev.claimcheck.core.suite.proofs.JudgeGrade.Status.values()).map(x -> x.id()).forEach(standings::add);
        Stream.of(dev.claimcheck.core.verify.ReviewCheck.Status.values())
                .map(x -> x.name().toLowerCase(java.util.Locale.ROOT)).forEach(standings::add);
        for (String st : standings) {
            for (Lang l : Lang.values()) {
                assertThat(Messages.of(l).all()).as(l + " " + st).containsKey("proof.standing." + st);
            }
            assertThat(Messages.of(Lang.EN).get("proof.standing." + st)).as("the English is the id, as before").isEqualTo(st);
        }
    }

    @Test
    void anAuditCoreSentenceRendersWithItsFiguresInEachLanguage() {
        Sentence power = Sentence.of(Sentence.Kind.POWER_TASKS, "80.0", "5", 503, "1319");
        assertThat(Links.page("claims", false, Lang.EN).text(power)).isEqualTo(power.english());
        assertThat(Links.page("claims", false, Lang.ZH).text(power))
                .isEqualTo("当真实值比宣称的 80.0% 低 5 个百分点时，要否定该宣称约需 503 个独立的“题目 × 尝试”（80% 检验功效，单侧 2.5%）；该宣称使用了 1319 道题");
        assertThat(Links.page("claims", false, Lang.ZH).text(Sentence.text("temperature: claimed 0.6, used 0.7")))
                .as("a sentence without wording of its own is shown as is").isEqualTo("temperature: claimed 0.6, used 0.7");
        Sentence nested = Sentence.of(Sentence.Kind.ENDPOINT_CONTEXT, "32768", Sentence.of(Sentence.Kind.AT_END), "131072");
        assertThat(Links.page("claims", false, Lang.EN).text(nested)).isEqualTo(nested.english())
                .isEqualTo("endpoint differs from recipe: context length 32768 at the end, the recipe expects 131072");
        assertThat(Links.page("claims", false, Lang.ZH).text(nested)).as("a clause inside a sentence is worded too")
                .isEqualTo("端点与配方不符：运行结束时的上下文长度为 32768，配方要求 131072");
        Sentence braces = Sentence.of(Sentence.Kind.MANIFEST_HASH_MISMATCH, "odd{1}.json", "sha256 differs");
        assertThat(Links.page("runs/r", false, Lang.EN).text(braces)).as("a figure holding a placeholder is not filled in")
                .isEqualTo(braces.english()).isEqualTo("hash mismatch: odd{1}.json (sha256 differs)");
        Sentence parts = Sentence.of(Sentence.Kind.PROOF_NO_SELF_GRADE).then(Sentence.of(Sentence.Kind.PROOF_GRADERS, 3, 2, 1));
        assertThat(parts.english()).isEqualTo("the run holds no self-grade for every problem · 3 graders (2 judges, 1 human reviewers)");
        assertThat(Links.page("claims", false, Lang.EN).text(parts)).isEqualTo(parts.english());
        assertThat(Links.page("claims", false, Lang.ZH).text(parts)).as("each part worded, joined as in English")
                .isEqualTo("该运行并非每道题都有自评分数 · 3 名评分者（2 个评审模型，1 名人工评审）");
    }

    @Test
    void aMissingKeyRendersAsAVisibleMarker() {
        assertThat(Messages.of(Lang.ZH).get("no.such.key")).isEqualTo(Messages.MISSING + "no.such.key\u27E7");
        assertThat(Messages.of(Lang.EN).get("index.summary", 3, 2, "2026-11-29")).isEqualTo("3 runs · 2 models · last run 2026-11-29");
    }

    @Test
    void everyKeyTheTemplatesTheScriptAndTheCodeUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> s = Files.list(TEMPLATES)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".ftlh")).toList()) {
                String text = Files.readString(p);
                keys(text, "t\\(\"([a-zA-Z0-9._]+)\"[,)]", "", used);
                prefixes(text, "t\\(\"([a-zA-Z0-9._]+\\.)\" \\+", "", used);
                // t("badge." + b.kind + ".label"): every badge kind with each suffix
                Matcher m = Pattern.compile("t\\(\"badge\\.\" \\+ b\\.kind \\+ \"(\\.[a-z]+)\"").matcher(text);
                while (m.find()) {
                    for (String kind : BADGES) {
                        used.add("badge." + kind + m.group(1));
                    }
                }
            }
        }
        String js = Files.readString(SCRIPT);
        keys(js, "tx\\('([a-zA-Z0-9._]+)'[,)]", "js.", used);
        prefixes(js, "tx\\('([a-zA-Z0-9._]+\\.)' \\+", "js.", used);
        try (Stream<Path> s = Files.walk(CODE)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(p);
                keys(text, "\\.get\\(\"([a-zA-Z]+\\.[a-zA-Z0-9._]+)\"", "", used);
                keys(text, "\\.text\\(\"([a-zA-Z0-9._]+)\"[,)]", "", used);
                keys(text, "Map\\.entry\\(\"[^\"]+\", \"(run\\.label\\.[a-zA-Z0-9]+)\"\\)", "", used);
                keys(text, "missing\\(\"([a-zA-Z]+)\"", "notfound.", used);
                if (text.contains("links.text(\"compare.sentence.\" +")) {
                    for (String k : List.of("higher.separated", "higher.overlapping", "same.separated", "same.overlapping")) {
                        used.add("compare.sentence." + k);
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(150).contains("lane.title.thinking", "js.outcome.error",
                "notfound.attemptAt", "fmt.noCi", "chart.label", "tp.chart.load", "run.label.per1k", "compare.sentence.same.overlapping");
        for (Lang l : Lang.values()) {
            assertThat(Messages.of(l).all().keySet()).as(l.toString()).containsAll(used);
        }
    }

    private static void keys(String text, String regex, String prefix, Set<String> out) {
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(prefix + m.group(1));
        }
    }

    /** {@code t("lane." + x)}: the prefix with each value its variable takes (lanes, outcomes). */
    private static void prefixes(String text, String regex, String prefix, Set<String> out) {
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            String p = prefix + m.group(1);
            if (p.equals("badge.") || p.equals("workload.") || p.equals("routing.relation.")) {
                continue; // the kind is followed by a suffix: above, and every workload's keys are checked below
            }
            Set<String> values = p.endsWith("outcome.") ? OUTCOMES : p.equals("verdict.")
                    ? Stream.of(ClaimVerdict.values()).map(ClaimVerdict::id).collect(java.util.stream.Collectors.toSet()) : LANES;
            for (String v : values) {
                out.add(p + v);
            }
        }
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
