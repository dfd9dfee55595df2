package dev.claimcheck.core.provenance;

import dev.claimcheck.core.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An OpenSSH {@code allowed_signers} file (ssh-keygen(1), ALLOWED SIGNERS):
 * {@code principals [options] keytype base64 [comment]}, with options {@code namespaces="…"},
 * {@code valid-after=…}, {@code valid-before=…} and {@code cert-authority}. Certificates are not supported,
 * so a cert-authority line never trusts a plain key (as in OpenSSH, where it only vouches for certificates).
 * A malformed line is a {@link BadInputException}: a trust file that silently drops lines is worse than none.
 */
public record AllowedSigners(List<Line> lines) {
    private static final Set<String> KEY_PREFIXES = Set.of("ssh-", "ecdsa-", "sk-");

    /** One entry; times are null when absent, namespaces null when unrestricted. */
    public record Line(int number, String principals, SshPublicKey key, boolean certAuthority,
                       String namespaces, Instant validAfter, Instant validBefore) {
    }

    public AllowedSigners {
        lines = List.copyOf(lines);
    }

    /** Reads a file; timestamps without a trailing Z are local time of the system zone, as in ssh-keygen. */
    public static AllowedSigners read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), ZoneId.systemDefault());
        } catch (IOException e) {
            throw new BadInputException("cannot read allowed signers " + file + ": " + e.getMessage());
        } catch (BadInputException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }

    /** Parses the text of an allowed_signers file; {@code zone} interprets timestamps without Z. */
    public static AllowedSigners parse(String text, ZoneId zone) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i].strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            try {
                lines.add(parseLine(i + 1, s, zone));
            } catch (BadInputException e) {
                throw new BadInputException("allowed_signers line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new AllowedSigners(lines);
    }

    /** Whom this key may sign as in {@code namespace} at {@code at}, whatever the principal. */
    public Trust find(SshPublicKey key, String namespace, Instant at) {
        return evaluate(key, null, namespace, at);
    }

    /** Whether this key may sign as {@code principal} in {@code namespace} at {@code at} (ssh-keygen -Y verify -I). */
    public Trust check(SshPublicKey key, String principal, String namespace, Instant at) {
        return evaluate(key, principal, namespace, at);
    }

    private Trust evaluate(SshPublicKey key, String principal, String namespace, Instant at) {
        Trust best = null;
        for (Line l : lines) {
            if (l.certAuthority() || !l.key().equals(key)) {
                continue;
            }
            Trust t;
            if (principal != null && !AllowedSignersSyntax.matchList(principal, l.principals())) {
                t = new Trust.PrincipalMismatch(principal, l.principals());
            } else if (l.namespaces() != null && !AllowedSignersSyntax.matchList(namespace, l.namespaces())) {
                t = new Trust.NamespaceNotAllowed(l.principals(), namespace, l.namespaces());
            } else if (l.validAfter() != null && at.isBefore(l.validAfter())) {
                t = new Trust.NotYetValid(l.principals(), l.validAfter());
            } else if (l.validBefore() != null && at.isAfter(l.validBefore())) {
                t = new Trust.Expired(l.principals(), l.validBefore());
            } else {
                return new Trust.Trusted(l.principals());
            }
            // Among failing lines, report the one that got furthest: it explains best what to fix.
            if (best == null || rank(t) > rank(best)) {
                best = t;
            }
        }
        return best != null ? best : new Trust.UnknownKey(key.fingerprint());
    }

    private static int rank(Trust t) {
        if (t instanceof Trust.Expired) {
            return 4;
        }
        if (t instanceof Trust.NotYetValid) {
            return 3;
        }
        return t instanceof Trust.NamespaceNotAllowed ? 2 : 1;
    }

    private static Line parseLine(int number, String s, ZoneId zone) {
        AllowedSignersSyntax.Tokenizer tok = new AllowedSignersSyntax.Tokenizer(s);
        String principals = tok.next();
        String next = tok.peekWord();
        String options = null;
        if (next != null && KEY_PREFIXES.stream().noneMatch(next::startsWith)) {
            options = tok.next();
        }
        String type = tok.next();
        String b64 = tok.next();
        if (principals == null || type == null || b64 == null) {
            throw new BadInputException("expected 'principals [options] keytype base64 [comment]'");
        }
        SshPublicKey key = SshPublicKey.parse(type + " " + b64 + " " + tok.rest());
        boolean ca = false;
        String namespaces = null;
        Instant after = null;
        Instant before = null;
        if (options != null) {
            for (String opt : AllowedSignersSyntax.splitOptions(options)) {
                String lower = opt.toLowerCase(java.util.Locale.ROOT);
                if (lower.equals("cert-authority")) {
                    ca = true;
                } else if (lower.startsWith("namespaces=")) {
                    namespaces = AllowedSignersSyntax.unquote(opt.substring("namespaces=".length()));
                } else if (lower.startsWith("valid-after=")) {
                    after = parseTime(AllowedSignersSyntax.unquote(opt.substring("valid-after=".length())), zone);
                } else if (lower.startsWith("valid-before=")) {
                    before = parseTime(AllowedSignersSyntax.unquote(opt.substring("valid-before=".length())), zone);
                } else {
                    throw new BadInputException("unsupported option '" + opt + "'");
                }
            }
        }
        return new Line(number, principals, key, ca, namespaces, after, before);
    }

    /** {@code YYYYMMDD[HHMM[SS]][Z]}: Z means UTC, otherwise {@code zone}; a bare date is its midnight. */
    static Instant parseTime(String s, ZoneId zone) {
        boolean utc = s.endsWith("Z") || s.endsWith("z");
        String digits = utc ? s.substring(0, s.length() - 1) : s;
        String pattern = switch (digits.length()) {
            case 8 -> "yyyyMMdd";
            case 12 -> "yyyyMMddHHmm";
            case 14 -> "yyyyMMddHHmmss";
            default -> throw new BadInputException("invalid time '" + s + "' (expected YYYYMMDD[HHMM[SS]][Z])");
        };
        if (!digits.chars().allMatch(Character::isDigit)) {
            throw new BadInputException("invalid time '" + s + "'");
        }
        try {
            String padded = digits.length() == 8 ? digits + "000000" : digits.length() == 12 ? digits + "00" : digits;
            LocalDateTime t = LocalDateTime.parse(padded, DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT));
            return t.atZone(utc ? ZoneOffset.UTC : zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException("invalid time '" + s + "' (" + pattern + ")");
        }
    }
}
