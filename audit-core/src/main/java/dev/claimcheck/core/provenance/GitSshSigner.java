package dev.claimcheck.core.provenance;

import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * JGit's commit {@code Signer} backed by the same {@link SigningKey} that signed MANIFEST: an SSHSIG in git's
 * namespace {@code git}, as {@code git commit -S} with {@code gpg.format=ssh} makes. So a key held by ssh-agent, or an
 * encrypted key unlocked once, signs the commit too, and the MANIFEST and commit layers can never disagree about keys.
 */
final class GitSshSigner implements org.eclipse.jgit.lib.Signer {
    static final String NAMESPACE = "git";

    private final SigningKey key;

    GitSshSigner(SigningKey key) {
        this.key = key;
    }

    @Override
    public GpgSignature sign(Repository repository, GpgConfig config, byte[] data, PersonIdent committer, String signingKey,
            CredentialsProvider credentials) {
        return new GpgSignature(SshSignature.sign(data, key, NAMESPACE).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean canLocateSigningKey(Repository repository, GpgConfig config, PersonIdent committer, String signingKey,
            CredentialsProvider credentials) {
        return true;
    }
}
