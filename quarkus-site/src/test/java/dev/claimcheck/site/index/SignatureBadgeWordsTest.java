package dev.claimcheck.site.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.export.StaticExporter;
import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the verifier says about a run's signature is worded in the page's language: the badge's tooltip after its
 * name and the run page's signature row (docs/site.md, "Languages"); fingerprints, principals and file names stay.
 */
class SignatureBadgeWordsTest {
    @TempDir
    Path tmp;

    /** The badge's explanation as layout.ftlh and the run page's signature row word it. */
    static String title(TrustBadge b, Lang lang) {
        Messages m = Messages.of(lang);
        return m.get("badge." + b.kind() + ".title", m.text(b.why()));
    }

    /** The signature's badge of the root's one run (after SIM when simulated). */
    static TrustBadge badge(Path root) {
        var badges = IndexLoader.load(new Root(root), Instant.now()).runs().get(0).badges();
        return badges.get(badges.size() - 1);
    }

    @Test
    void aVerifiedRunsTooltipAndSignatureRowAreChineseOnTheChinesePages() throws Exception {
        Path root = tmp.resolve("root");
        Path run = SymlinkedRootTest.signedRunWithEditedScore(root, SymlinkedRootTest.newKey(tmp));
        Path site = tmp.resolve("site");
        StaticExporter.export(new Root(root), site);
        String id = run.getFileName().toString();
        String zh = Files.readString(site.resolve("zh/runs/" + id + ".html"));
        assertThat(zh).contains("title=\"签名已验证：alice@example.org（密钥在 allowed_signers 中），文件哈希一致\"",
                "<dd>签名已验证：alice@example.org（密钥在 allowed_signers 中），文件哈希一致</dd>").doesNotContain("signature verified");
        assertThat(Files.readString(site.resolve("runs/" + id + ".html")))
                .contains("signature verified: alice@example.org (key in allowed_signers), file hashes match");
    }

    @Test
    void aKeyThatAllowedSignersDoesNotListIsUnverifiedWithItsFingerprint() throws Exception {
        Path root = tmp.resolve("root");
        SymlinkedRootTest.signedRunWithEditedScore(root, SymlinkedRootTest.newKey(tmp));
        Files.writeString(root.resolve("results/allowed_signers"), "");
        TrustBadge b = badge(root);
        assertThat(b.kind()).isEqualTo("unverified");
        assertThat(title(b, Lang.ZH)).matches("未验证：由 SHA256:\\S+ 签名：未知的签名密钥 SHA256:\\S+（不在 allowed_signers 中）");
        assertThat(title(b, Lang.EN)).matches("signed by SHA256:\\S+: unknown signer key SHA256:\\S+ \\(not in allowed_signers\\)");
    }

    @Test
    void aFileChangedAfterSigningAndAnUnsignedFolderAreSaidInChinese() throws Exception {
        Path root = tmp.resolve("root");
        Path run = SymlinkedRootTest.signedRunWithEditedScore(root, SymlinkedRootTest.newKey(tmp));
        Files.writeString(run.resolve("summary.csv"), "edited\n");
        TrustBadge invalid = badge(root);
        assertThat(invalid.kind()).isEqualTo("invalid");
        assertThat(title(invalid, Lang.ZH)).startsWith("签名或哈希校验未通过：哈希不符：summary.csv（MANIFEST ");
        assertThat(title(invalid, Lang.EN)).startsWith("signature or hashes do not check: hash mismatch: summary.csv (MANIFEST ");
        Files.delete(run.resolve(Manifest.SIGNATURE));
        assertThat(title(badge(root), Lang.ZH)).isEqualTo("未验证：找不到 MANIFEST.sig：运行文件夹未签名");
    }
}
