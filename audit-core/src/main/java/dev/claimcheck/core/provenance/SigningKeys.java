package dev.claimcheck.core.provenance;

import dev.claimcheck.core.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Finds the key {@code --key KEY} names, the way users hold keys (docs/signing.md): when {@code SSH_AUTH_SOCK} is set
 * and the agent holds the public key ({@code KEY.pub}, or KEY itself when it is a public key), the agent signs;
 * otherwise the private key file is read with Apache MINA sshd (openssh-key-v1, encrypted or not, and the PEM/PKCS#8
 * forms sshd reads), an encrypted one with the passphrase from {@value #PASSPHRASE_ENV} or asked on the terminal.
 * Messages name paths, types and fingerprints, never key material or the passphrase.
 */
public final class SigningKeys {
    /** The environment variable a passphrase is read from (never from a file or an option: secrets never touch disk). */
    public static final String PASSPHRASE_ENV = "CLAIMCHECK_KEY_PASSPHRASE";
    /** ssh-agent's socket, as OpenSSH names it. */
    public static final String AGENT_ENV = "SSH_AUTH_SOCK";

    private static final Pattern LONG_BASE64 = Pattern.compile("[A-Za-z0-9+/=]{16,}");

    /** Asks for a passphrase; returns null when nobody can answer (no terminal). */
    @FunctionalInterface
    public interface Prompt {
        char[] ask(String question);

        /** The terminal's prompt, without echo; null when stdin or stdout is not a terminal. */
        static Prompt terminal() {
            Console console = System.console();
            return console == null ? null : question -> console.readPassword("%s", question);
        }
    }

    private SigningKeys() {
    }

    /** As the commands read {@code --key}: this process's environment and terminal. */
    public static SigningKey open(Path key) {
        return open(key, System.getenv(), Prompt.terminal());
    }

    /** The agent when {@code env} names one that holds the key, else the private key file. */
    public static SigningKey open(Path key, Map<String, String> env, Prompt prompt) {
        SshPublicKey wanted = publicKeyOf(key);
        String socket = env.get(AGENT_ENV);
        String agentTrouble = "no ssh-agent (" + AGENT_ENV + " is not set)";
        if (socket != null && !socket.isBlank() && wanted != null) {
            try {
                AgentSigner agent = AgentSigner.find(Path.of(socket), wanted);
                if (agent != null) {
                    return agent;
                }
                agentTrouble = "the ssh-agent at " + AGENT_ENV + " does not hold " + wanted.fingerprint();
            } catch (IOException | RuntimeException e) {
                agentTrouble = "ssh-agent: " + oneLine(e);
            }
        }
        if (isPublicKeyFile(key)) {
            throw new BadInputException(key + " is a public key and " + agentTrouble
                    + "; add the key with ssh-add, or pass the private key file (without .pub)");
        }
        return readFile(key, env.get(PASSPHRASE_ENV), prompt);
    }

    /** The private key file alone, unencrypted (tests, and keys made for a machine). */
    public static SigningKey readFile(Path key) {
        return readFile(key, null, null);
    }

    /** The private key file, an encrypted one unlocked with {@code passphrase} or, when that is null, by {@code prompt}. */
    public static KeyFileSigner readFile(Path key, String passphrase, Prompt prompt) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(key);
        } catch (IOException e) {
            throw new BadInputException("cannot read private key " + key + ": " + e.getMessage());
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.US_ASCII).strip();
        if (head.startsWith("ssh-") || head.startsWith("ecdsa-")) {
            throw new BadInputException(key + ": this is a public key; pass the private key file (without .pub)");
        }
        if (!head.startsWith("-----BEGIN")) {
            throw new BadInputException(key + ": not an OpenSSH private key");
        }
        boolean[] asked = {false};
        FilePasswordProvider passwords = (session, resource, retry) -> {
            asked[0] = true;
            if (retry > 0) {
                return null; // one try: a wrong passphrase is reported, not asked again in a loop
            }
            if (passphrase != null) {
                return passphrase;
            }
            char[] typed = prompt == null ? null : prompt.ask("Enter passphrase for " + key + ": ");
            if (typed == null) {
                throw new BadInputException(key + ": the private key is encrypted; set " + PASSPHRASE_ENV
                        + ", run on a terminal to be asked, or add it to ssh-agent (" + AGENT_ENV + ")");
            }
            return new String(typed);
        };
        List<KeyPair> pairs = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(key.toString()), in, passwords);
            if (loaded != null) {
                loaded.forEach(pairs::add);
            }
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new BadInputException(key + (asked[0] ? ": wrong passphrase, or a damaged key (" : ": malformed private key (")
                    + oneLine(e) + ")");
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
        if (pairs.isEmpty()) {
            throw new BadInputException(key + ": no private key found (supported: OpenSSH, PEM and PKCS#8 files of ed25519, RSA, ECDSA keys)");
        }
        if (pairs.size() > 1) {
            throw new BadInputException(key + ": private key files holding several keys are not supported");
        }
        SshPublicKey derived = toSsh(pairs.get(0).getPublic(), "");
        // sshd drops the comment; the .pub beside the key has it (kept only when it is the same key).
        SshPublicKey beside = publicKeyOf(key);
        KeyFileSigner signer = new KeyFileSigner(pairs.get(0), derived.equals(beside) ? beside : derived);
        // A damaged private half would otherwise make signatures that silently fail to verify later.
        byte[] probe = "claimcheck key check".getBytes(StandardCharsets.US_ASCII);
        try {
            SshSignature.verify(probe, SshSignature.sign(probe, signer), SshSignature.NAMESPACE);
        } catch (InvalidSignatureException | IllegalStateException e) {
            throw new BadInputException(key + ": malformed private key (it does not match its public key)");
        }
        return signer;
    }

    /** A JCA public key as OpenSSH writes it. */
    static SshPublicKey toSsh(PublicKey key, String comment) {
        return SshPublicKey.parse(PublicKeyEntry.toString(key) + (comment == null || comment.isBlank() ? "" : " " + comment));
    }

    /** The public key of {@code key}: the file itself when it is a public key line, else {@code key.pub}; null if neither. */
    static SshPublicKey publicKeyOf(Path key) {
        Path pub = isPublicKeyFile(key) ? key : Path.of(key + ".pub");
        if (!Files.isRegularFile(pub)) {
            return null;
        }
        try {
            return SshPublicKey.parse(Files.readString(pub, StandardCharsets.UTF_8));
        } catch (IOException | BadInputException e) {
            return null;
        }
    }

    private static boolean isPublicKeyFile(Path key) {
        try (InputStream in = Files.newInputStream(key)) {
            String head = new String(in.readNBytes(32), StandardCharsets.US_ASCII);
            return head.startsWith("ssh-") || head.startsWith("ecdsa-") || head.startsWith("sk-");
        } catch (IOException e) {
            return false;
        }
    }

    /** An exception's message on one line, with anything that looks like encoded key material cut out. */
    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = LONG_BASE64.matcher(m.replace('\n', ' ')).replaceAll("…").strip();
        return m.length() <= 160 ? m : m.substring(0, 157) + "...";
    }
}
