package dev.claimcheck.core.provenance;

import dev.claimcheck.core.stats.Sentence;

/** The outcome of checking a run folder's MANIFEST.sig, before any decision about trust is reported. */
public sealed interface SignatureVerdict {
    /** The line as a sentence the site words in each language (docs/site.md, "Languages"). */
    Sentence sentence();

    /** One line for verifier output. */
    default String describe() {
        return sentence().english();
    }

    /** True only for a valid signature by a trusted signer. */
    default boolean ok() {
        return this instanceof Valid v && v.trust() instanceof Trust.Trusted;
    }

    /** The folder has no MANIFEST or no MANIFEST.sig. */
    record Unsigned(String what) implements SignatureVerdict {
        public Sentence sentence() {
            return Sentence.of(Sentence.Kind.UNSIGNED, what);
        }
    }

    /** The signature is damaged, for another namespace, or does not match MANIFEST. */
    record Invalid(InvalidSignatureException.Reason reason, String message) implements SignatureVerdict {
        /** The parser's or the crypto check's own message (it may quote a library's): shown as it is. */
        public Sentence sentence() {
            return Sentence.text(message);
        }
    }

    /** The signature matches MANIFEST; {@code trust} says whether allowed_signers accepts its key. */
    record Valid(SshPublicKey signer, Trust trust) implements SignatureVerdict {
        /** "signed by FINGERPRINT: " and what allowed_signers says ({@link Trust#describe}), in one sentence. */
        public Sentence sentence() {
            String fp = signer.fingerprint();
            if (trust instanceof Trust.Trusted t) {
                return Sentence.of(Sentence.Kind.SIGNED_TRUSTED, fp, t.principals());
            } else if (trust instanceof Trust.UnknownKey u) {
                return Sentence.of(Sentence.Kind.SIGNED_UNKNOWN_KEY, fp, u.fingerprint());
            } else if (trust instanceof Trust.Expired e) {
                return Sentence.of(Sentence.Kind.SIGNED_EXPIRED, fp, e.principals(), e.validBefore());
            } else if (trust instanceof Trust.NotYetValid n) {
                return Sentence.of(Sentence.Kind.SIGNED_NOT_YET_VALID, fp, n.principals(), n.validAfter());
            } else if (trust instanceof Trust.NamespaceNotAllowed n) {
                return Sentence.of(Sentence.Kind.SIGNED_NAMESPACE_NOT_ALLOWED, fp, n.principals(), n.allowed(), n.namespace());
            }
            Trust.PrincipalMismatch p = (Trust.PrincipalMismatch) trust;
            return Sentence.of(Sentence.Kind.SIGNED_PRINCIPAL_MISMATCH, fp, p.listedFor(), p.principal());
        }
    }
}
