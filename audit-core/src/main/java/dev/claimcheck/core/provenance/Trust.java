package dev.claimcheck.core.provenance;

import java.time.Instant;

/**
 * What {@link AllowedSigners} says about a signing key. Each outcome is its own type so a verifier can
 * report an unknown signer (maintainers may add the key in the same pull request) apart from a retired one.
 */
public sealed interface Trust {
    /** A one-line explanation for verifier output. */
    String describe();

    /** The key is allowed: {@code principals} is the principals field of the matching line (it may be a pattern list). */
    record Trusted(String principals) implements Trust {
        public String describe() {
            return "trusted signer " + principals;
        }
    }

    /** No line of allowed_signers lists this key. */
    record UnknownKey(String fingerprint) implements Trust {
        public String describe() {
            return "unknown signer key " + fingerprint + " (not in allowed_signers)";
        }
    }

    /** The key is listed but retired: the time is after its valid-before. */
    record Expired(String principals, Instant validBefore) implements Trust {
        public String describe() {
            return "signer " + principals + " expired at " + validBefore;
        }
    }

    /** The key is listed but only valid from valid-after on. */
    record NotYetValid(String principals, Instant validAfter) implements Trust {
        public String describe() {
            return "signer " + principals + " not valid before " + validAfter;
        }
    }

    /** The key is listed, but its namespaces option excludes the namespace. */
    record NamespaceNotAllowed(String principals, String namespace, String allowed) implements Trust {
        public String describe() {
            return "signer " + principals + " may sign namespaces \"" + allowed + "\", not \"" + namespace + "\"";
        }
    }

    /** The key is listed, but not for the principal that was asked for. */
    record PrincipalMismatch(String principal, String listedFor) implements Trust {
        public String describe() {
            return "key is listed for " + listedFor + ", not for " + principal;
        }
    }
}
