package dev.claimcheck.core.provenance;

import dev.claimcheck.core.BadInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowedSignersTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final byte[] MESSAGE = "x  run.json\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path keys;
    static SshPublicKey alice;
    static SshPublicKey bob;
    static Path aliceKey;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKeys() throws Exception {
        SshKeygen.requireInstalled();
        aliceKey = SshKeygen.generate(keys, "alice", "ed25519", "alice laptop");
        alice = SshPublicKey.read(Path.of(aliceKey + ".pub"));
        bob = SshPublicKey.read(Path.of(SshKeygen.generate(keys, "bob", "ed25519", "bob") + ".pub"));
    }

    private static AllowedSigners signers(String text) {
        return AllowedSigners.parse(text, ZoneOffset.UTC);
    }

    @Test
    void aListedKeyIsTrustedForItsPrincipals() {
        AllowedSigners s = signers("# auditors\n\nalice@example.org,alice@other.org " + alice.toOpenSsh() + "\n");

        assertThat(s.find(alice, "claimcheck", NOW)).isEqualTo(new Trust.Trusted("alice@example.org,alice@other.org"));
        assertThat(s.check(alice, "alice@other.org", "claimcheck", NOW)).isInstanceOf(Trust.Trusted.class);
    }

    @Test
    void anUnlistedKeyIsUnknownNotMerelyUntrusted() {
        assertThat(signers("alice@example.org " + alice.toOpenSsh()).find(bob, "claimcheck", NOW))
                .isEqualTo(new Trust.UnknownKey(bob.fingerprint()));
    }

    @Test
    void principalsAreAPatternListWithWildcardsAndNegation() {
        AllowedSigners s = signers("*@example.org,!mallory@example.org,ci-?? " + alice.toOpenSsh());

        assertThat(s.check(alice, "carol@example.org", "claimcheck", NOW)).isInstanceOf(Trust.Trusted.class);
        assertThat(s.check(alice, "ci-01", "claimcheck", NOW)).isInstanceOf(Trust.Trusted.class);
        assertThat(s.check(alice, "ci-001", "claimcheck", NOW)).isInstanceOf(Trust.PrincipalMismatch.class);
        assertThat(s.check(alice, "mallory@example.org", "claimcheck", NOW))
                .isEqualTo(new Trust.PrincipalMismatch("mallory@example.org", "*@example.org,!mallory@example.org,ci-??"));
    }

    @Test
    void namespacesOptionRestrictsWhatTheKeyMaySign() {
        AllowedSigners s = signers("alice namespaces=\"git,file\" " + alice.toOpenSsh());

        assertThat(s.find(alice, "claimcheck", NOW)).isEqualTo(new Trust.NamespaceNotAllowed("alice", "claimcheck", "git,file"));
        assertThat(s.find(alice, "git", NOW)).isInstanceOf(Trust.Trusted.class);
        assertThat(signers("alice namespaces=\"claim*\" " + alice.toOpenSsh()).find(alice, "claimcheck", NOW))
                .isInstanceOf(Trust.Trusted.class);
    }

    @Test
    void aRetiredKeyIsExpiredAndAFutureKeyNotYetValid() {
        AllowedSigners s = signers("alice valid-before=\"20250101Z\" " + alice.toOpenSsh() + "\n"
                + "bob valid-after=\"20270101120000Z\",valid-before=\"20300101\" " + bob.toOpenSsh() + "\n");

        assertThat(s.find(alice, "claimcheck", NOW)).isEqualTo(new Trust.Expired("alice", Instant.parse("2025-01-01T00:00:00Z")));
        assertThat(s.find(bob, "claimcheck", NOW)).isEqualTo(new Trust.NotYetValid("bob", Instant.parse("2027-01-01T12:00:00Z")));
        assertThat(s.find(bob, "claimcheck", Instant.parse("2028-01-01T00:00:00Z"))).isInstanceOf(Trust.Trusted.class);
    }

    @Test
    void aCurrentLineWinsOverARetiredLineForTheSameKey() {
        AllowedSigners s = signers("old valid-before=20250101 " + alice.toOpenSsh() + "\nnew " + alice.toOpenSsh() + "\n");

        assertThat(s.find(alice, "claimcheck", NOW)).isEqualTo(new Trust.Trusted("new"));
    }

    @Test
    void certAuthorityLinesNeverTrustAPlainKey() {
        assertThat(signers("*@example.org cert-authority " + alice.toOpenSsh()).find(alice, "claimcheck", NOW))
                .isInstanceOf(Trust.UnknownKey.class);
    }

    @Test
    void timestampsWithoutZAreInTheGivenZone() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(AllowedSigners.parseTime("20260101", paris)).isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(AllowedSigners.parseTime("202601011230Z", paris)).isEqualTo(Instant.parse("2026-01-01T12:30:00Z"));
        assertThat(AllowedSigners.parseTime("20260101123045z", paris)).isEqualTo(Instant.parse("2026-01-01T12:30:45Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "alice unknown-option {key}| unsupported option",
            "alice valid-before=2025 {key}| invalid time",
            "alice valid-before=20251301 {key}| invalid time",
            "alice namespaces=\"git {key}| quote",
            "alice ssh-ed25519| expected",
            "alice ssh-ed25519 !!notbase64| base64",
            "alice ssh-rsa {b64}| does not match"})
    void malformedLinesAreRejectedWithTheirLineNumber(String line, String why) {
        String text = "# header\n" + line.replace("{key}", alice.toOpenSsh()).replace("{b64}", alice.toOpenSsh().split(" ")[1]);

        assertThatThrownBy(() -> signers(text)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 2").hasMessageContaining(why);
    }

    @Test
    void keysOfOtherTypesParseSoAMixedFileStillLoads() throws Exception {
        SshPublicKey rsa = SshPublicKey.read(Path.of(SshKeygen.generate(dir, "rsa", "rsa", "r") + ".pub"));

        AllowedSigners s = signers("rsa-user " + rsa.toOpenSsh() + "\nalice " + alice.toOpenSsh());

        assertThat(s.lines()).hasSize(2);
        assertThat(s.find(rsa, "claimcheck", NOW)).isEqualTo(new Trust.Trusted("rsa-user"));
    }

    @Test
    void agreesWithSshKeygenOnExpiredKeysAndForeignNamespaces() throws Exception {
        Path msg = Files.write(dir.resolve("MANIFEST"), MESSAGE);
        Path sig = Files.writeString(dir.resolve("MANIFEST.sig"), SshSignature.sign(MESSAGE, SigningKeys.readFile(aliceKey)));
        Path pub = Path.of(aliceKey + ".pub");

        Path expired = SshKeygen.allowedSigners(dir, "alice", "valid-before=\"20200101Z\"", pub);
        assertThat(SshKeygen.verify(expired, "alice", "claimcheck", sig, msg).exit()).isNotZero();
        assertThat(AllowedSigners.read(expired).find(alice, "claimcheck", Instant.now())).isInstanceOf(Trust.Expired.class);

        Path gitOnly = SshKeygen.allowedSigners(dir, "alice", "namespaces=\"git\"", pub);
        assertThat(SshKeygen.verify(gitOnly, "alice", "claimcheck", sig, msg).exit()).isNotZero();
        assertThat(AllowedSigners.read(gitOnly).find(alice, "claimcheck", Instant.now())).isInstanceOf(Trust.NamespaceNotAllowed.class);

        Path ok = SshKeygen.allowedSigners(dir, "alice", "namespaces=\"claimcheck\",valid-after=\"20200101\"", pub);
        assertThat(SshKeygen.verify(ok, "alice", "claimcheck", sig, msg).exit()).isZero();
        assertThat(AllowedSigners.read(ok).check(alice, "alice", "claimcheck", Instant.now())).isInstanceOf(Trust.Trusted.class);
    }
}
