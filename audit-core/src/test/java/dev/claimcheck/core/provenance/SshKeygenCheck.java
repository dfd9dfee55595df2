package dev.claimcheck.core.provenance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The cross-check every way of holding a key must pass: our SSHSIG over a MANIFEST, accepted by {@code ssh-keygen -Y verify}. */
final class SshKeygenCheck {
    static final byte[] MANIFEST = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  run.json\n"
            .getBytes(StandardCharsets.UTF_8);

    private SshKeygenCheck() {
    }

    /** Signs with {@code key}, trusts {@code pub} for the key's comment as principal, runs ssh-keygen -Y verify. */
    static SshKeygen.Result signAndVerify(Path dir, SigningKey key, Path pub) throws Exception {
        Path message = Files.write(dir.resolve("MANIFEST"), MANIFEST);
        Path sig = Files.writeString(dir.resolve("MANIFEST.sig"), SshSignature.sign(MANIFEST, key));
        String principal = SshPublicKey.read(pub).comment();
        Path allowed = SshKeygen.allowedSigners(dir, principal, "", pub);
        return SshKeygen.verify(allowed, principal, SshSignature.NAMESPACE, sig, message);
    }
}
