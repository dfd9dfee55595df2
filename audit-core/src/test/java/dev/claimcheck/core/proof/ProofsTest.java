package dev.claimcheck.core.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.store.Root;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProofsTest {
    static final String HOSTILE = "</pre><script>alert('x')</script> | **bold** [link](http://evil) `code` $x$ & \u0007";

    @TempDir
    Path root;

    static RunManifest run() {
        return new RunManifest(RunManifest.SCHEMA, "20260101T000000Z-0123abcd", RunStatus.COMPLETE, true, Lane.THINKING,
                Workload.MATH, new RunManifest.SuiteRef("math", "1", null, null),
                new RunManifest.ModelRef("sim", "sim", null), null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    static Sample sample(String task, int attempt, boolean correct, long tokens, String finish, List<ChatMessage> messages,
                         String content, String reasoning) {
        return new Sample(task, attempt, messages, "abc123", null, null, new Response(content, reasoning, null, finish),
                new Usage(5, tokens, tokens / 2, 0), null,
                new Verdict(correct, correct ? 1 : 0, HOSTILE, "7", "math", "1", "detail " + HOSTILE), null, null);
    }

    @Test
    void pagesAreWrittenUnderTheRootAndListedWithTheirHashes() throws Exception {
        var samples = List.of(
                sample("b", 0, true, 10, "stop", List.of(ChatMessage.user("Problem <b>two</b>")), "\\boxed{7}", "think"),
                sample("a", 1, false, 50, "stop", List.of(ChatMessage.user("p")), HOSTILE, HOSTILE),
                sample("a", 0, false, 20, "length", List.of(ChatMessage.user("p")), "cut", null));
        var refs = Proofs.write(new Root(root), run(), samples);

        assertThat(refs).extracting(RunManifest.ProofRef::why).containsExactly("correct", "wrong+truncated", "longest");
        String dir = "proofs/sim/math/20260101T000000Z-0123abcd/";
        assertThat(refs).extracting(RunManifest.ProofRef::path).containsExactly(dir + "b-0.md", dir + "a-0.md", dir + "a-1.md");
        assertThat(refs).extracting(RunManifest.ProofRef::taskId).containsExactly("b", "a", "a");
        assertThat(Files.readString(root.resolve(dir + "b-0.md"))).contains("Problem &lt;b&gt;two&lt;/b&gt;", "**correct**");
        for (var ref : refs) {
            assertThat(PromptHash.sha256Hex(Files.readAllBytes(root.resolve(ref.path())))).isEqualTo(ref.sha256());
        }
    }

    @Test
    void hostileModelTextIsEscapedEverywhere() throws Exception {
        var samples = List.of(sample("a", 0, false, 50, "stop", List.of(ChatMessage.user(HOSTILE)), HOSTILE, HOSTILE));
        var ref = Proofs.write(new Root(root), run(), samples).get(0);
        String page = Files.readString(root.resolve(ref.path()));

        assertThat(page).doesNotContain("<script", "</pre><", "\u0007");
        // Outside <pre> blocks (which Markdown leaves alone) no link, emphasis or code span survives.
        page.lines().filter(l -> l.startsWith("| ")).forEach(l -> assertThat(l).doesNotContain("[link](", "**bold**", "`code`"));
        assertThat(page).contains("&lt;/pre&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(page).contains("<details><summary>Show reasoning");
        // Every table row keeps its two cells: the | of the model's text is escaped.
        page.lines().filter(l -> l.startsWith("| ")).forEach(l ->
                assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count()).as(l).isEqualTo(3));
        assertThat(page).contains("**SIMULATED**");
    }

    @Test
    void aNonRedistributablePromptAppearsOnlyAsItsHash() throws Exception {
        var samples = List.of(sample("a", 0, true, 5, "stop", null, "\\boxed{7}", null));
        var ref = Proofs.write(new Root(root), run(), samples).get(0);
        assertThat(Files.readString(root.resolve(ref.path()))).contains("not redistributable", "`abc123`");
    }

    @Test
    void unsafeTaskIdsBecomeSafeDistinctFileNames() {
        assertThat(Proofs.fileStem("aime-2026-1")).isEqualTo("aime-2026-1");
        assertThat(Proofs.fileStem("train/algebra/1")).startsWith("train-algebra-1-").hasSize("train-algebra-1-".length() + 8);
        assertThat(Proofs.fileStem("../../etc/passwd")).doesNotContain("/").doesNotStartWith(".");
        assertThat(Proofs.fileStem("a/b")).isNotEqualTo(Proofs.fileStem("a:b"));
    }
}
