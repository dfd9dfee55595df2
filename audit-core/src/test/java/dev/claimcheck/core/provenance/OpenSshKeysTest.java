package dev.claimcheck.core.provenance;

import dev.claimcheck.core.BadInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenSshKeysTest {
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

        SshPrivateKey priv = OpenSshKeys.readPrivateKey(key);
        SshPublicKey pub = OpenSshKeys.readPublicKey(Path.of(key + ".pub"));

        assertThat(priv.publicKey()).isEqualTo(pub);
        assertThat(priv.publicKey().comment()).isEqualTo("alice@example.org");
        assertThat(pub.toOpenSsh()).isEqualTo(Files.readString(Path.of(key + ".pub")).strip());
    }

    @Test
    void fingerprintMatchesSshKeygen() throws Exception {
        Path key = SshKeygen.generate(dir, "id", "ed25519", "c");
        String printed = SshKeygen.run(null, "-l", "-f", key + ".pub").output();

        assertThat(printed).contains(OpenSshKeys.readPublicKey(Path.of(key + ".pub")).fingerprint());
    }

    @Test
    void encryptedKeysAreRefusedWithAClearMessage() throws Exception {
        Path key = dir.resolve("enc");
        SshKeygen.run(null, "-q", "-t", "ed25519", "-N", "correct horse", "-f", key.toString());

        assertThatThrownBy(() -> OpenSshKeys.readPrivateKey(key)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("encrypted private keys are not supported; use an unencrypted key or ssh-agent");
    }

    @Test
    void aPublicKeyGivenAsPrivateKeyIsExplained() throws Exception {
        Path key = SshKeygen.generate(dir, "id", "ed25519", "c");

        assertThatThrownBy(() -> OpenSshKeys.readPrivateKey(Path.of(key + ".pub")))
                .hasMessageContaining("this is a public key");
    }

    @Test
    void pemKeysAreRefusedWithAConversionHint() throws Exception {
        Path key = dir.resolve("pem");
        SshKeygen.run(null, "-q", "-t", "rsa", "-m", "PEM", "-N", "", "-f", key.toString());

        assertThatThrownBy(() -> OpenSshKeys.readPrivateKey(key)).hasMessageContaining("unsupported private key format");
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 52})
    void aDamagedKeyIsRefusedWithoutEchoingItsContent(int fromEnd) throws Exception {
        Path key = SshKeygen.generate(dir, "id", "ed25519", "c");
        String[] lines = Files.readString(key).split("\n");
        byte[] body = Base64.getMimeDecoder().decode(String.join("", java.util.Arrays.copyOfRange(lines, 1, lines.length - 1)));
        body[body.length - fromEnd] ^= 0x55; // 20: the public copy inside the private half; 52: the secret seed
        String damaged = lines[0] + "\n" + Base64.getMimeEncoder().encodeToString(body) + "\n" + lines[lines.length - 1] + "\n";

        assertThatThrownBy(() -> OpenSshKeys.parsePrivateKey(damaged))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("malformed OpenSSH private key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(lines[1].substring(0, 16)).doesNotContain(lines[2].substring(0, 16)));
    }

    @Test
    void publicKeyLineTypeMustMatchItsData() throws Exception {
        String pub = Files.readString(Path.of(SshKeygen.generate(dir, "id", "ed25519", "c") + ".pub"));

        assertThatThrownBy(() -> SshPublicKey.parse(pub.replace("ssh-ed25519", "ssh-rsa"))).hasMessageContaining("does not match");
        assertThatThrownBy(() -> SshPublicKey.parse("ssh-ed25519")).isInstanceOf(BadInputException.class);
    }
}
