package dev.claimcheck.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.testing.Prerequisite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys as users hold them (docs/signing.md): files read by sshd, encrypted ones with a passphrase, unreadable ones explained. */
class SigningKeysTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsSshKeygen() {
        SshKeygen.requireInstalled();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "rsa", "ecdsa"})
    void aPrivateKeyYieldsThePublicKeySshKeygenWroteBesideIt(String type) throws Exception {
        Path key = SshKeygen.generate(dir, "id", type, "alice@example.org");

        SigningKey priv = SigningKeys.readFile(key);
        SshPublicKey pub = SshPublicKey.read(Path.of(key + ".pub"));

        assertThat(priv).isInstanceOf(KeyFileSigner.class);
        assertThat(priv.publicKey()).isEqualTo(pub);
        assertThat(priv.publicKey().comment()).isEqualTo("alice@example.org");
        assertThat(pub.toOpenSsh()).isEqualTo(Files.readString(Path.of(key + ".pub")).strip());
    }

    @Test
    void fingerprintMatchesSshKeygen() throws Exception {
        Path key = SshKeygen.generate(dir, "id", "ed25519", "c");
        String printed = SshKeygen.run(null, "-l", "-f", key + ".pub").output();

        assertThat(printed).contains(SshPublicKey.read(Path.of(key + ".pub")).fingerprint());
    }

    @Test
    void anEncryptedKeyOpensWithThePassphraseFromTheEnvironment() throws Exception {
        Path key = encrypted("correct horse");

        SigningKey k = SigningKeys.open(key, Map.of(SigningKeys.PASSPHRASE_ENV, "correct horse"), null);

        assertThat(k.publicKey()).isEqualTo(SshPublicKey.read(Path.of(key + ".pub")));
        SshKeygen.Result verified = SshKeygenCheck.signAndVerify(dir, k, Path.of(key + ".pub"));
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Good \"claimcheck\" signature for enc@example.org with ED25519 key");
    }

    @Test
    void anEncryptedKeyOpensWithThePassphraseTypedAtThePrompt() throws Exception {
        Path key = encrypted("correct horse");
        String[] asked = new String[1];

        SigningKey k = SigningKeys.open(key, Map.of(), question -> {
            asked[0] = question;
            return "correct horse".toCharArray();
        });

        assertThat(asked[0]).contains(key.toString());
        assertThat(k.publicKey()).isEqualTo(SshPublicKey.read(Path.of(key + ".pub")));
    }

    @Test
    void anEncryptedKeyWithoutAPassphraseSaysWhereOneCanComeFrom() throws Exception {
        Path key = encrypted("correct horse");

        assertThatThrownBy(() -> SigningKeys.open(key, Map.of(), null)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("encrypted").hasMessageContaining(SigningKeys.PASSPHRASE_ENV).hasMessageContaining("ssh-agent");
    }

    @Test
    void aWrongPassphraseIsOneLineThatDoesNotEchoIt() throws Exception {
        Path key = encrypted("correct horse");

        assertThatThrownBy(() -> SigningKeys.open(key, Map.of(SigningKeys.PASSPHRASE_ENV, "battery staple"), null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("wrong passphrase")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("battery").doesNotContain("\n"));
    }

    @Test
    void aPublicKeyGivenAsPrivateKeyIsExplained() throws Exception {
        Path key = SshKeygen.generate(dir, "id", "ed25519", "c");

        assertThatThrownBy(() -> SigningKeys.readFile(Path.of(key + ".pub"))).hasMessageContaining("this is a public key");
        assertThatThrownBy(() -> SigningKeys.open(Path.of(key + ".pub"), Map.of(), null))
                .hasMessageContaining("is a public key").hasMessageContaining(SigningKeys.AGENT_ENV);
    }

    @Test
    void pemKeysAreReadToo() throws Exception {
        Path key = dir.resolve("pem");
        SshKeygen.run(null, "-q", "-t", "rsa", "-m", "PEM", "-N", "", "-f", key.toString());

        assertThat(SigningKeys.readFile(key).publicKey()).isEqualTo(SshPublicKey.read(Path.of(key + ".pub")));
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 52})
    void aDamagedKeyIsRefusedWithoutEchoingItsContent(int fromEnd) throws Exception {
        Path key = SshKeygen.generate(dir, "id", "ed25519", "c");
        String[] lines = Files.readString(key).split("\n");
        byte[] body = Base64.getMimeDecoder().decode(String.join("", java.util.Arrays.copyOfRange(lines, 1, lines.length - 1)));
        body[body.length - fromEnd] ^= 0x55; // 20: the public copy inside the private half; 52: the secret seed
        Path damaged = Files.writeString(dir.resolve("damaged"),
                lines[0] + "\n" + Base64.getMimeEncoder().encodeToString(body) + "\n" + lines[lines.length - 1] + "\n");

        assertThatThrownBy(() -> SigningKeys.readFile(damaged))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("malformed private key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(lines[1].substring(0, 16)).doesNotContain(lines[2].substring(0, 16)));
    }

    @Test
    void publicKeyLineTypeMustMatchItsData() throws Exception {
        String pub = Files.readString(Path.of(SshKeygen.generate(dir, "id", "ed25519", "c") + ".pub"));

        assertThatThrownBy(() -> SshPublicKey.parse(pub.replace("ssh-ed25519", "ssh-rsa"))).hasMessageContaining("does not match");
        assertThatThrownBy(() -> SshPublicKey.parse("ssh-ed25519")).isInstanceOf(BadInputException.class);
    }

    private Path encrypted(String passphrase) throws Exception {
        Path key = dir.resolve("enc");
        SshKeygen.Result r = SshKeygen.run(null, "-q", "-t", "ed25519", "-N", passphrase, "-C", "enc@example.org", "-f", key.toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(Files.readString(key)).contains("OPENSSH PRIVATE KEY");
        return key;
    }
}
