package dev.claimcheck.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.stats.Sentence;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A signature's and a MANIFEST finding's lines are sentences the site words in each language (docs/site.md,
 * "Languages"); their English, which the verifier prints, reads as it always has.
 */
class SignatureSentencesTest {
    static final SshPublicKey KEY = new SshPublicKey(SshPublicKey.ED25519, new byte[] {1, 2, 3}, "k");

    @Test
    void aValidSignaturesLineIsItsFingerprintThenWhatAllowedSignersSays() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (Trust trust : List.of(new Trust.Trusted("alice@example.org"), new Trust.UnknownKey("SHA256:x"),
                new Trust.Expired("alice", t), new Trust.NotYetValid("alice", t),
                new Trust.NamespaceNotAllowed("alice", "claimcheck", "git,file"), new Trust.PrincipalMismatch("bob", "alice"))) {
            assertThat(new SignatureVerdict.Valid(KEY, trust).describe()).as(trust.toString())
                    .isEqualTo("signed by " + KEY.fingerprint() + ": " + trust.describe());
        }
        assertThat(new SignatureVerdict.Valid(KEY, new Trust.UnknownKey("SHA256:x")).sentence())
                .isEqualTo(Sentence.of(Sentence.Kind.SIGNED_UNKNOWN_KEY, KEY.fingerprint(), "SHA256:x"));
    }

    @Test
    void theOtherLinesReadAsBeforeAndAFileNameIsNeverFilledIn() {
        assertThat(new SignatureVerdict.Unsigned("MANIFEST.sig").describe()).isEqualTo("MANIFEST.sig not found: the run folder is not signed");
        assertThat(new SignatureVerdict.Invalid(InvalidSignatureException.Reason.BAD_MAGIC, "SSH signature: missing SSHSIG magic")
                .sentence()).as("the check's own message, shown as it is").isEqualTo(Sentence.text("SSH signature: missing SSHSIG magic"));
        assertThat(new ManifestFinding(ManifestFinding.Kind.MISSING, "samples/part-0.jsonl").describe())
                .isEqualTo("missing file: samples/part-0.jsonl");
        assertThat(ManifestFinding.hashMismatch("a{1}.txt", "e", "f").describe()).isEqualTo("hash mismatch: a{1}.txt (MANIFEST e, file f)");
        assertThat(new ManifestFinding(ManifestFinding.Kind.MALFORMED, "MANIFEST", "line 3: no hash").describe())
                .isEqualTo("malformed MANIFEST: line 3: no hash");
    }
}
