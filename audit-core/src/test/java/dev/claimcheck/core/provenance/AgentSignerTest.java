package dev.claimcheck.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.testing.Prerequisite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signing through a real {@code ssh-agent} (started here, keys added with {@code ssh-add}): the private key file is
 * deleted before signing, so only the agent can have signed, and {@code ssh-keygen -Y verify} must accept the result.
 */
class AgentSignerTest {
    static final Path AGENT = Path.of("/usr/bin/ssh-agent");
    static final Path ADD = Path.of("/usr/bin/ssh-add");

    @TempDir
    Path dir;
    Process agent;
    Path socket;

    @BeforeEach
    void startAgent() throws Exception {
        SshKeygen.requireInstalled();
        Prerequisite.SSH_KEYGEN.requireExecutable(AGENT); // ssh-agent and ssh-add come with ssh-keygen (openssh-client)
        Prerequisite.SSH_KEYGEN.requireExecutable(ADD);
        socket = dir.resolve("agent.sock");
        agent = new ProcessBuilder(AGENT.toString(), "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile()).start();
        for (int i = 0; i < 500 && !Files.exists(socket); i++) {
            if (!agent.isAlive()) {
                throw new AssertionError("ssh-agent exited: " + Files.readString(dir.resolve("agent.log")));
            }
            Thread.sleep(10); // waits for a condition (the socket), asserts nothing about time
        }
        assertThat(socket).exists();
    }

    @AfterEach
    void stopAgent() throws Exception {
        if (agent != null) {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "rsa", "ecdsa"})
    void aKeyHeldOnlyByTheAgentSignsAndSshKeygenAcceptsTheSignature(String type) throws Exception {
        Path key = SshKeygen.generate(dir, "id", type, "agent@example.org");
        sshAdd(key);
        Files.delete(key); // from here on only the agent holds the private half
        Path pub = Path.of(key + ".pub");

        SigningKey k = SigningKeys.open(pub, Map.of(SigningKeys.AGENT_ENV, socket.toString()), null);

        assertThat(k).isInstanceOf(AgentSigner.class);
        assertThat(k.publicKey()).isEqualTo(SshPublicKey.read(pub));
        SshKeygen.Result verified = SshKeygenCheck.signAndVerify(dir, k, pub);
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Good \"claimcheck\" signature for agent@example.org");
    }

    @Test
    void thePrivateKeyPathWorksTooAndTheAgentIsPreferredWhenItHoldsTheKey() throws Exception {
        Path key = SshKeygen.generate(dir, "id", "ed25519", "agent@example.org");
        sshAdd(key);

        assertThat(SigningKeys.open(key, Map.of(SigningKeys.AGENT_ENV, socket.toString()), null)).isInstanceOf(AgentSigner.class);
        assertThat(SigningKeys.open(key, Map.of(), null)).isInstanceOf(KeyFileSigner.class);
    }

    @Test
    void anAgentWithoutTheKeyFallsBackToTheFileOrSaysSoForAPublicKey() throws Exception {
        Path key = SshKeygen.generate(dir, "id", "ed25519", "other@example.org");
        Map<String, String> env = Map.of(SigningKeys.AGENT_ENV, socket.toString());

        assertThat(SigningKeys.open(key, env, null)).isInstanceOf(KeyFileSigner.class);
        assertThatThrownBy(() -> SigningKeys.open(Path.of(key + ".pub"), env, null)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("does not hold");
        assertThatThrownBy(() -> SigningKeys.open(Path.of(key + ".pub"), Map.of(SigningKeys.AGENT_ENV, dir.resolve("none").toString()), null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("ssh-agent");
    }

    private void sshAdd(Path key) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(ADD.toString(), key.toString()).redirectErrorStream(true);
        pb.environment().put(SigningKeys.AGENT_ENV, socket.toString());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }
}
