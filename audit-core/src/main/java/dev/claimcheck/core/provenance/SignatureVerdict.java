package dev.claimcheck.core.provenance;

/** The outcome of checking a run folder's MANIFEST.sig, before any decision about trust is reported. */
public sealed interface SignatureVerdict {
    /** One line for verifier output. */
    String describe();

    /** True only for a valid signature by a trusted signer. */
    default boolean ok() {
        return this instanceof Valid v && v.trust() instanceof Trust.Trusted;
    }

    /** The folder has no MANIFEST or no MANIFEST.sig. */
    record Unsigned(String what) implements SignatureVerdict {
        public String describe() {
            return what + " not found: the run folder is not signed";
        }
    }

    /** The signature is damaged, for another namespace, or does not match MANIFEST. */
    record Invalid(InvalidSignatureException.Reason reason, String message) implements SignatureVerdict {
        public String describe() {
            return message;
        }
    }

    /** The signature matches MANIFEST; {@code trust} says whether allowed_signers accepts its key. */
    record Valid(SshPublicKey signer, Trust trust) implements SignatureVerdict {
        public String describe() {
            return "signed by " + signer.fingerprint() + ": " + trust.describe();
        }
    }
}
