package dev.claimcheck.core.provenance;

import dev.claimcheck.core.provenance.InvalidSignatureException.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshSignatureTest {
    private static final byte[] MESSAGE = "abc123  run.json\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSshKeygen() {
        SshKeygen.requireInstalled();
    }

    private Path writeMessage() throws Exception {
        return Files.write(dir.resolve("MANIFEST"), MESSAGE);
    }

    @Test
    void ourEd25519SignatureVerifiesWithSshKeygen() throws Exception {
        Path key = SshKeygen.generate(dir, "id", "ed25519", "alice");
        Path msg = writeMessage();
        Path sig = Files.writeString(dir.resolve("MANIFEST.sig"), SshSignature.sign(MESSAGE, SigningKeys.readFile(key)));
        Path allowed = SshKeygen.allowedSigners(dir, "alice@example.org", "", Path.of(key + ".pub"));

        SshKeygen.Result r = SshKeygen.verify(allowed, "alice@example.org", "claimcheck", sig, msg);

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("Good \"claimcheck\" signature for alice@example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "rsa", "ecdsa"})
    void sshKeygenSignatureVerifiesWithOurCodeAndNamesTheSigner(String type) throws Exception {
        Path key = SshKeygen.generate(dir, "id_" + type, type, "bob");
        Path sig = SshKeygen.sign(key, "claimcheck", writeMessage());

        SshPublicKey signer = SshSignature.verify(MESSAGE, Files.readString(sig), "claimcheck");

        assertThat(signer).isEqualTo(SshPublicKey.read(Path.of(key + ".pub")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "ecdsa"})
    void ourRsaAndEcdsaSignaturesVerifyWithSshKeygen(String type) throws Exception {
        Path key = SshKeygen.generate(dir, "id_" + type, type, "carol");
        Path msg = writeMessage();
        Path sig = Files.writeString(dir.resolve("MANIFEST.sig"), SshSignature.sign(MESSAGE, SigningKeys.readFile(key)));
        Path allowed = SshKeygen.allowedSigners(dir, "carol", "", Path.of(key + ".pub"));

        assertThat(SshKeygen.verify(allowed, "carol", "claimcheck", sig, msg).exit()).isZero();
    }

    @Test
    void armorIsWrappedAtSeventyColumnsLikeSshKeygen() throws Exception {
        String armored = SshSignature.sign(MESSAGE, SigningKeys.readFile(SshKeygen.generate(dir, "id", "ed25519", "a")));

        assertThat(armored).startsWith("-----BEGIN SSH SIGNATURE-----\n").endsWith("-----END SSH SIGNATURE-----\n");
        assertThat(armored.lines().skip(1).filter(l -> !l.startsWith("-----"))).allMatch(l -> l.length() <= 70);
        assertThat(SshSignature.parse(armored).hashAlgorithm()).isEqualTo("sha512");
        assertThat(SshSignature.parse(armored).namespace()).isEqualTo("claimcheck");
    }

    @Test
    void wrongNamespaceIsRejectedByUsAndBySshKeygen() throws Exception {
        Path key = SshKeygen.generate(dir, "id", "ed25519", "a");
        Path msg = writeMessage();
        Path sig = Files.writeString(dir.resolve("MANIFEST.sig"), SshSignature.sign(MESSAGE, SigningKeys.readFile(key), "git"));
        Path allowed = SshKeygen.allowedSigners(dir, "a", "", Path.of(key + ".pub"));

        assertThat(SshKeygen.verify(allowed, "a", "claimcheck", sig, msg).exit()).isNotZero();
        assertThatThrownBy(() -> SshSignature.verify(MESSAGE, Files.readString(sig), "claimcheck"))
                .isInstanceOfSatisfying(InvalidSignatureException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_NAMESPACE))
                .hasMessageContaining("'git'");
    }

    @Test
    void sshKeygenSignatureInAnotherNamespaceIsRejected() throws Exception {
        Path sig = SshKeygen.sign(SshKeygen.generate(dir, "id", "ed25519", "a"), "file", writeMessage());

        assertThatThrownBy(() -> SshSignature.verify(MESSAGE, Files.readString(sig), "claimcheck"))
                .isInstanceOfSatisfying(InvalidSignatureException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_NAMESPACE));
    }

    @Test
    void tamperedMessageIsRejectedByUsAndBySshKeygen() throws Exception {
        Path key = SshKeygen.generate(dir, "id", "ed25519", "a");
        Path sig = Files.writeString(dir.resolve("MANIFEST.sig"), SshSignature.sign(MESSAGE, SigningKeys.readFile(key)));
        byte[] tampered = "abc124  run.json\n".getBytes(StandardCharsets.UTF_8);
        Path msg = Files.write(dir.resolve("MANIFEST"), tampered);
        Path allowed = SshKeygen.allowedSigners(dir, "a", "", Path.of(key + ".pub"));

        assertThat(SshKeygen.verify(allowed, "a", "claimcheck", sig, msg).exit()).isNotZero();
        assertThatThrownBy(() -> SshSignature.verify(tampered, Files.readString(sig), "claimcheck"))
                .isInstanceOfSatisfying(InvalidSignatureException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void unsupportedHashAlgorithmBadMagicAndBadVersionAreRejected() throws Exception {
        SigningKey key = SigningKeys.readFile(SshKeygen.generate(dir, "id", "ed25519", "a"));
        byte[] sig = key.sign(SshSignature.signedData("claimcheck", "sha1", MESSAGE));

        assertReason(armor(blob("SSHSIG", 1, key, "sha1", sig)), Reason.UNSUPPORTED_HASH);
        assertReason(armor(blob("SSHSIX", 1, key, "sha512", sig)), Reason.BAD_MAGIC);
        assertReason(armor(blob("SSHSIG", 2, key, "sha512", sig)), Reason.UNSUPPORTED_VERSION);
        assertReason("-----BEGIN SSH SIGNATURE-----\n!!!\n-----END SSH SIGNATURE-----\n", Reason.MALFORMED);
        assertReason("not a signature", Reason.MALFORMED);
    }

    @Test
    void sha256SignaturesAreAccepted() throws Exception {
        SigningKey key = SigningKeys.readFile(SshKeygen.generate(dir, "id", "ed25519", "a"));
        byte[] sig = key.sign(SshSignature.signedData("claimcheck", "sha256", MESSAGE));

        assertThat(SshSignature.verify(MESSAGE, armor(blob("SSHSIG", 1, key, "sha256", sig)), "claimcheck")).isEqualTo(key.publicKey());
    }

    private static byte[] blob(String magic, int version, SigningKey key, String hash, byte[] sig) {
        return new SshWire.Writer().raw(magic.getBytes(StandardCharsets.US_ASCII)).uint32(version)
                .string(key.publicKey().blob()).string("claimcheck").string("").string(hash).string(sig).toBytes();
    }

    private static String armor(byte[] blob) {
        return SshSignature.BEGIN + "\n" + Base64.getMimeEncoder().encodeToString(blob) + "\n" + SshSignature.END + "\n";
    }

    private static void assertReason(String armored, Reason reason) {
        assertThatThrownBy(() -> SshSignature.verify(MESSAGE, armored, "claimcheck"))
                .isInstanceOfSatisfying(InvalidSignatureException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
