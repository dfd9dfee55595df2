package dev.claimcheck.core.suite.tau2;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system prompts of a native τ² run: the agent's is upstream's composition (its instruction, then the policy) unless
 * {@code --agent-prompt policy-only}; the user simulator's is upstream's guidelines where the checkout holds them, else
 * ours; each is recorded with its template's hash and a resume with another is refused.
 */
class Tau2PromptTest {
    @TempDir
    Path root;

    AuditRunner.Result running(Path data, String... extra) {
        List<String> args = new ArrayList<>(List.of("tau2", "--data", data.toString(), "--domain", "airline",
                "--user-model", "sim:accuracy=1=user-sim", "--base-url", "sim:accuracy=1", "--model", "acme/agent-1",
                "--k", "1", "--root", root.resolve("runs").toString(), "--seed", "7"));
        args.addAll(List.of(extra));
        return audit(args.toArray(String[]::new));
    }

    @Test
    void upstreamsAgentPromptHoldsThePolicyInsideItsTemplate() {
        Tau2Prompt p = Tau2Prompt.agent(null);
        assertThat(p.name()).isEqualTo("tau2-upstream");
        assertThat(p.compose("Cancel only within 24 hours.")).isEqualTo("<instructions>\n"
                + "You are a customer service agent that helps the user according to the <policy> provided below.\n"
                + "In each turn you can either:\n- Send a message to the user.\n- Make a tool call.\n"
                + "You cannot do both at the same time.\n\n"
                + "Try to be helpful and always follow the policy. Always make sure you generate valid JSON only.\n"
                + "</instructions>\n<policy>\nCancel only within 24 hours.\n</policy>");
        assertThat(p.recorded()).isEqualTo("tau2-upstream@sha256:"
                + PromptHash.sha256Hex(p.compose("{domain_policy}").getBytes(StandardCharsets.UTF_8)));
        assertThat(p.seesGreeting()).as("upstream's agent has its greeting in its history").isTrue();

        Tau2Prompt bare = Tau2Prompt.agent("policy-only");
        assertThat(bare.compose("Cancel only within 24 hours.")).isEqualTo("Cancel only within 24 hours.");
        assertThat(bare.seesGreeting()).isFalse();
        assertThat(bare.recorded()).startsWith("policy-only@sha256:").isNotEqualTo(p.recorded());
        // Text that looks like a format directive or a placeholder is inserted as it is.
        assertThat(p.compose("50% off {domain_policy}")).contains("<policy>\n50% off {domain_policy}\n</policy>");
    }

    @Test
    void aNativeRunSendsTheComposedPromptAndTheGreetingAndRecordsThem() throws Exception {
        var r = running(Tau2NativeTest.DATA);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().suite().options()).containsEntry("--agent-prompt", Tau2Prompt.agent(null).recorded())
                .containsEntry("--user-prompt", Tau2Prompt.user("tau2-user-v1", Tau2NativeTest.DATA, Tau2NativeTest.DATA, false).recorded());
        String policy = Files.readString(Tau2NativeTest.DATA.resolve("domains/airline/policy.md"));
        Sample s = Journal.readAll(new RunFolder(r.runDir())).get(0);
        assertThat(s.messages()).extracting(ChatMessage::role).containsExactly("system", "assistant", "user");
        assertThat(s.messages().get(0).content()).isEqualTo(Tau2Prompt.agent(null).compose(policy));
        assertThat(s.messages().get(1).content()).isEqualTo(Tau2UserSimulator.GREETING);
        assertThat(Tau2NativeTest.simulation(s).at("/info/agent_prompt").asText()).isEqualTo(Tau2Prompt.agent(null).recorded());
        assertThat(s.request().get("temperature").asDouble()).as("upstream's agent temperature").isZero();
        assertThat(r.manifest().metrics().get(Tau2Figures.BLOCK).passHatK().get(0).derived().value())
                .as("the scripted agent still solves every scorable task").isEqualTo(1.0);
    }

    @Test
    void policyOnlySendsThePolicyAloneWithoutTheGreeting() throws Exception {
        var r = running(Tau2NativeTest.DATA, "--agent-prompt", "policy-only");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().suite().options()).containsEntry("--agent-prompt", Tau2Prompt.agent("policy-only").recorded());
        Sample s = Journal.readAll(new RunFolder(r.runDir())).get(0);
        String policy = Files.readString(Tau2NativeTest.DATA.resolve("domains/airline/policy.md"));
        assertThat(s.messages()).extracting(ChatMessage::role).containsExactly("system", "user");
        assertThat(s.messages().get(0).content()).isEqualTo(policy);
        assertThat(s.request().has("temperature")).as("the request as it was before tau2-upstream").isFalse();
    }

    @Test
    void aRunRecordedBeforeTheAgentPromptWasAChoiceResumesWithThePolicyAlone() {
        // Such a run.json records --user-prompt and no --agent-prompt; it sent the policy alone.
        String v1 = Tau2Prompt.user("tau2-user-v1", Tau2NativeTest.DATA, Tau2NativeTest.DATA, false).recorded();
        var r = running(Tau2NativeTest.DATA, "--user-prompt", v1);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().suite().options()).containsEntry("--agent-prompt", Tau2Prompt.agent("policy-only").recorded());
    }

    @Test
    void aResumeWithAnotherPromptIsRefused() {
        var agent = running(Tau2NativeTest.DATA, "--agent-prompt", "tau2-upstream@sha256:00");
        assertThat(agent.exitCode()).isNotZero();
        assertThat(agent.err()).contains("--agent-prompt tau2-upstream@sha256:00", Tau2Prompt.agent(null).recorded(),
                "resumed only with the prompt it started with");
        var user = running(Tau2NativeTest.DATA, "--user-prompt", "tau2-user-v0@sha256:00");
        assertThat(user.exitCode()).isNotZero();
        assertThat(user.err()).contains("--user-prompt tau2-user-v0", "unknown prompt", "tau2-upstream, tau2-user-v1");
        assertThatThrownBy(() -> Tau2Prompt.agent("policy-only@" + Tau2Prompt.agent(null).recorded().split("@")[1]))
                .isInstanceOf(BadInputException.class).hasMessageContaining("policy-only@sha256:");
    }

    @Test
    void upstreamsUserGuidelinesAreReadFromTheCheckoutAndChosenByDefault() throws Exception {
        Path checkout = root.resolve("data/tau2");
        Path domain = Files.createDirectories(checkout.resolve("domains/airline"));
        for (String f : List.of("tasks.json", "policy.md", "db.json", "tools.json")) {
            Files.copy(Tau2NativeTest.DATA.resolve("domains/airline").resolve(f), domain.resolve(f));
        }
        // Our own guidelines, in upstream's place and shape (a persona placeholder it fills with nothing by default).
        Path guidelines = Files.createDirectories(checkout.resolve("user_simulator")).resolve("simulation_guidelines.md");
        Files.writeString(guidelines, "# Guidelines\nPlay the customer.<PERSONA_GUIDELINES>\nSay ###STOP### when done.\n");

        Tau2Prompt p = Tau2Prompt.user(null, checkout, domain, false);
        assertThat(p.name()).isEqualTo("tau2-upstream");
        assertThat(p.compose("You want to cancel R1.")).isEqualTo(
                "# Guidelines\nPlay the customer.\nSay ###STOP### when done.\n\n\n<scenario>\nYou want to cancel R1.\n</scenario>");
        assertThat(Tau2Prompt.user(null, domain, domain, false)).as("--data given as the domain's folder").isEqualTo(p);
        var r = running(checkout);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().suite().options()).containsEntry("--user-prompt", p.recorded());

        Files.writeString(guidelines, "# Guidelines, edited\n");
        var resumed = running(checkout, "--user-prompt", p.recorded());
        assertThat(resumed.exitCode()).isNotZero();
        assertThat(resumed.err()).contains("--user-prompt " + p.recorded(), "resumed only with the prompt it started with");

        assertThatThrownBy(() -> Tau2Prompt.user("tau2-upstream", Tau2NativeTest.DATA, Tau2NativeTest.DATA.resolve("domains/airline"), false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no simulation_guidelines.md")
                .hasMessageContaining("--user-prompt tau2-user-v1");
        assertThatThrownBy(() -> Tau2Prompt.user("tau2-upstream", checkout, domain, true))
                .as("a user with tools reads upstream's tools guidelines").hasMessageContaining("simulation_guidelines_tools.md");
    }
}
