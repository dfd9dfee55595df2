package dev.claimcheck.core.provenance;

import dev.claimcheck.core.RunFailedException;

/**
 * A signature that does not verify (exit code 1). {@link #reason()} lets the verifier report the
 * precise check without parsing the message.
 */
public final class InvalidSignatureException extends RunFailedException {
    /** Why the signature was rejected. */
    public enum Reason {
        /** Not an armored SSHSIG, or its binary layout is damaged. */
        MALFORMED,
        /** The blob does not start with "SSHSIG". */
        BAD_MAGIC,
        /** A SSHSIG version other than 1. */
        UNSUPPORTED_VERSION,
        /** Signed for another namespace (e.g. "git" or "file"). */
        WRONG_NAMESPACE,
        /** A hash algorithm other than sha256 or sha512. */
        UNSUPPORTED_HASH,
        /** A key or signature algorithm this implementation cannot check. */
        UNSUPPORTED_KEY_TYPE,
        /** The cryptographic check failed: the message or signature was altered. */
        BAD_SIGNATURE
    }

    private final Reason reason;

    public InvalidSignatureException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
