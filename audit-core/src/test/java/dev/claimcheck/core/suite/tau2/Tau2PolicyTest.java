package dev.claimcheck.core.suite.tau2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.PromptHash;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy a native run sends, read as each upstream domain ships it. */
class Tau2PolicyTest {
    @TempDir
    Path dir;

    @Test
    void policyMdIsSentAsItIs() throws Exception {
        Files.writeString(dir.resolve("policy.md"), "# Airline policy\nBe kind.");
        Tau2Policy p = Tau2Policy.find(dir).orElseThrow();
        assertThat(p.text()).isEqualTo("# Airline policy\nBe kind.");
        assertThat(p.files()).containsExactly(p.hash());
        assertThat(p.hash().sha256()).isEqualTo(PromptHash.sha256Hex("# Airline policy\nBe kind."));
    }

    @Test
    void telecomsTwoFilesAreComposedAsUpstreamsEnvironmentDoesAndEachIsHashedAsShipped() throws Exception {
        Files.writeString(dir.resolve("main_policy.md"), "Main rules.");
        Files.writeString(dir.resolve("tech_support_manual.md"), "Reboot first.");
        Tau2Policy p = Tau2Policy.find(dir).orElseThrow();
        assertThat(p.text()).isEqualTo("<main_policy>\nMain rules.\n</main_policy>\n<tech_support_policy>\nReboot first.\n"
                + "</tech_support_policy>");
        assertThat(p.files()).extracting(Tau2Input::name, Tau2Input::sha256).containsExactly(
                org.assertj.core.groups.Tuple.tuple("main_policy.md", PromptHash.sha256Hex("Main rules.")),
                org.assertj.core.groups.Tuple.tuple("tech_support_manual.md", PromptHash.sha256Hex("Reboot first.")));
        assertThat(p.hash().name()).isEqualTo("main_policy.md+tech_support_manual.md");
        assertThat(p.hash().sha256()).isEqualTo(PromptHash.sha256Hex(p.text()));
    }

    @Test
    void policyMdWinsAndAMainPolicyWithoutItsManualIsNoPolicy() throws Exception {
        Files.writeString(dir.resolve("main_policy.md"), "Main rules.");
        assertThat(Tau2Policy.find(dir)).as("upstream's telecom needs both files").isEmpty();
        Files.writeString(dir.resolve("policy.md"), "Ours.");
        assertThat(Tau2Policy.find(dir).orElseThrow().text()).isEqualTo("Ours.");
    }
}
