package dev.claimcheck.core.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jgit.internal.transport.sshd.agent.SshAgentClient;

/**
 * A key held by ssh-agent: each signature is one request to the agent at {@code SSH_AUTH_SOCK}, through JGit's agent
 * client over {@link UnixAgentConnector}. The private key never enters this process.
 */
public final class AgentSigner implements SigningKey {
    private final Path socket;
    private final PublicKey agentKey;
    private final SshPublicKey publicKey;

    AgentSigner(Path socket, PublicKey agentKey, SshPublicKey publicKey) {
        this.socket = Objects.requireNonNull(socket);
        this.agentKey = Objects.requireNonNull(agentKey);
        this.publicKey = Objects.requireNonNull(publicKey);
    }

    /** The agent's identity equal to {@code wanted}, or null when the agent does not hold it. */
    static AgentSigner find(Path socket, SshPublicKey wanted) throws IOException {
        try (SshAgentClient agent = new SshAgentClient(new UnixAgentConnector(socket))) {
            for (Map.Entry<PublicKey, String> identity : agent.getIdentities()) {
                SshPublicKey key = SigningKeys.toSsh(identity.getKey(), identity.getValue());
                if (key.equals(wanted)) {
                    return new AgentSigner(socket, identity.getKey(), key);
                }
            }
        }
        return null;
    }

    @Override
    public SshPublicKey publicKey() {
        return publicKey;
    }

    @Override
    public byte[] sign(byte[] data) {
        String algorithm = SigningKey.algorithm(publicKey.type());
        try (SshAgentClient agent = new SshAgentClient(new UnixAgentConnector(socket))) {
            Map.Entry<String, byte[]> signed = agent.sign(null, agentKey, algorithm, data);
            return new SshWire.Writer().string(signed.getKey()).string(signed.getValue()).toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("ssh-agent at " + socket + " did not sign with " + publicKey.fingerprint() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "AgentSigner[" + publicKey + "]";
    }
}
