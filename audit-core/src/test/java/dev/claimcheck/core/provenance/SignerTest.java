package dev.claimcheck.core.provenance;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.provenance.ManifestFinding.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignerTest {
    @TempDir
    static Path keys;
    static Path aliceKey;
    static Path allowed;

    @TempDir
    Path run;

    @BeforeAll
    static void generateKey() throws Exception {
        SshKeygen.requireInstalled();
        aliceKey = SshKeygen.generate(keys, "alice", "ed25519", "alice@example.org");
        allowed = SshKeygen.allowedSigners(keys, "alice@example.org", "", Path.of(aliceKey + ".pub"));
    }

    private void completeRun() throws IOException {
        Files.writeString(run.resolve("run.json"), "{\"schema\":\"claimcheck/run/v1\",\"status\":\"complete\"}");
        Files.writeString(run.resolve("samples.jsonl"), "{\"taskId\":\"t1\"}\n");
        Files.writeString(run.resolve("summary.csv"), "metric,value,ci_low,ci_high,n\n");
    }

    @Test
    void signingWritesAManifestAndASignatureThatSshKeygenAccepts() throws Exception {
        completeRun();

        Signer.Signed signed = Signer.sign(run, aliceKey, false);

        assertThat(signed.files()).isEqualTo(3);
        assertThat(signed.signer()).isEqualTo(SshPublicKey.read(Path.of(aliceKey + ".pub")));
        assertThat(Files.readString(signed.manifest())).isEqualTo(Manifest.compute(run).toText());
        SshKeygen.Result r = SshKeygen.verify(allowed, "alice@example.org", "claimcheck", signed.signature(), signed.manifest());
        assertThat(r.exit()).as(r.output()).isZero();
        try (Stream<Path> files = Files.list(run)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("run.json", "samples.jsonl", "summary.csv", "MANIFEST", "MANIFEST.sig");
        }
    }

    @Test
    void aSignedFolderVerifiesAsTrustedAndUnknownKeysAreDistinct() throws Exception {
        completeRun();
        Signer.sign(run, aliceKey, false);

        SignatureVerdict v = Signer.verify(run, AllowedSigners.read(allowed), Instant.now());
        SignatureVerdict stranger = Signer.verify(run, AllowedSigners.parse("", java.time.ZoneOffset.UTC), Instant.now());

        assertThat(v.ok()).as(v.describe()).isTrue();
        assertThat(Manifest.checkFolder(run)).isEmpty();
        assertThat(stranger).isInstanceOfSatisfying(SignatureVerdict.Valid.class,
                s -> assertThat(s.trust()).isInstanceOf(Trust.UnknownKey.class));
        assertThat(stranger.ok()).isFalse();
    }

    @Test
    void aSignatureBySshKeygenVerifiesHere() throws Exception {
        completeRun();
        Files.writeString(run.resolve("MANIFEST"), Manifest.compute(run).toText());
        Files.move(SshKeygen.sign(aliceKey, "claimcheck", run.resolve("MANIFEST")), run.resolve("MANIFEST.sig"));

        assertThat(Signer.verify(run, AllowedSigners.read(allowed), Instant.now()).ok()).isTrue();
    }

    @Test
    void editingRunJsonAfterSigningIsCaughtByTheManifestAndEditingManifestByTheSignature() throws Exception {
        completeRun();
        Signer.sign(run, aliceKey, false);
        Files.writeString(run.resolve("run.json"), "{\"status\":\"complete\",\"score\":1.0}");

        assertThat(Manifest.checkFolder(run)).singleElement().extracting(ManifestFinding::kind).isEqualTo(Kind.HASH_MISMATCH);

        Files.writeString(run.resolve("MANIFEST"), Manifest.compute(run).toText());
        assertThat(Signer.verify(run, AllowedSigners.read(allowed), Instant.now()))
                .isInstanceOfSatisfying(SignatureVerdict.Invalid.class,
                        i -> assertThat(i.reason()).isEqualTo(InvalidSignatureException.Reason.BAD_SIGNATURE));
        assertThat(SshKeygen.verify(allowed, "alice@example.org", "claimcheck", run.resolve("MANIFEST.sig"), run.resolve("MANIFEST")).exit())
                .isNotZero();
    }

    @Test
    void anUnsignedFolderIsReportedAsSuch() throws Exception {
        completeRun();

        assertThat(Signer.verify(run, AllowedSigners.read(allowed), Instant.now())).isEqualTo(new SignatureVerdict.Unsigned("MANIFEST"));
    }

    @Test
    void anAlreadySignedFolderIsRefusedUnlessForcedAndForceKeepsTheOldSignature() throws Exception {
        completeRun();
        Signer.sign(run, aliceKey, false);
        String first = Files.readString(run.resolve("MANIFEST.sig"));

        assertThatThrownBy(() -> Signer.sign(run, aliceKey, false))
                .isInstanceOf(RunFailedException.class).hasMessageContaining("already signed");

        Signer.sign(run, aliceKey, true);
        Signer.sign(run, aliceKey, true);

        assertThat(run.resolve("MANIFEST.sig.2")).hasContent(first.strip());
        assertThat(run.resolve("MANIFEST.sig.1")).exists();
        assertThat(Manifest.checkFolder(run)).isEmpty();
        assertThat(Files.readString(run.resolve("MANIFEST"))).doesNotContain("MANIFEST.sig");
    }

    @Test
    void anIncompleteRunIsRefusedWithOneLine() throws Exception {
        Files.writeString(run.resolve("run.json"), "{\"status\":\"running\"}");

        assertThatThrownBy(() -> Signer.sign(run, aliceKey, false))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("run status is 'running', not 'complete'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(run.resolve("MANIFEST")).doesNotExist();
    }

    @Test
    void aFolderWithoutReadableRunJsonIsBadInput() throws Exception {
        assertThatThrownBy(() -> Signer.sign(run, aliceKey, false)).isInstanceOf(BadInputException.class).hasMessageContaining("no run.json");

        Files.writeString(run.resolve("run.json"), "{not json");
        assertThatThrownBy(() -> Signer.sign(run, aliceKey, false)).isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void noPrivateKeyMaterialAppearsInAnyFileWeWrite() throws Exception {
        completeRun();
        Signer.sign(run, aliceKey, false);
        Signer.sign(run, aliceKey, true);

        List<String> secretLines = Files.readAllLines(aliceKey).stream().filter(l -> !l.startsWith("-----")).toList();
        String secretBody = String.join("", secretLines);
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(f, StandardCharsets.ISO_8859_1);
                assertThat(content).as(f.toString()).doesNotContain(secretBody);
                secretLines.forEach(l -> assertThat(content).as(f.toString()).doesNotContain(l));
            }
        }
        assertThat(SigningKeys.readFile(aliceKey).toString()).doesNotContain(secretLines.get(1).substring(0, 20));
    }
}
