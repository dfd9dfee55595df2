package dev.claimcheck.core.provenance;

import dev.claimcheck.core.BadInputException;

import java.util.ArrayList;
import java.util.List;

/** The small lexical rules of allowed_signers, following OpenSSH's match.c and misc.c. */
final class AllowedSignersSyntax {
    private AllowedSignersSyntax() {
    }

    /**
     * OpenSSH {@code match_pattern_list}: comma-separated patterns with {@code *} and {@code ?}; a matching
     * {@code !pattern} vetoes the whole list, otherwise at least one plain pattern must match. Case-sensitive.
     */
    static boolean matchList(String s, String list) {
        boolean positive = false;
        for (String p : list.split(",", -1)) {
            boolean negated = p.startsWith("!");
            if (match(s, 0, negated ? p.substring(1) : p, 0)) {
                if (negated) {
                    return false;
                }
                positive = true;
            }
        }
        return positive;
    }

    /** Glob match of {@code s[i..]} against {@code p[j..]}. */
    static boolean match(String s, int i, String p, int j) {
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '*') {
                while (j < p.length() && p.charAt(j) == '*') {
                    j++;
                }
                if (j == p.length()) {
                    return true;
                }
                for (int k = i; k <= s.length(); k++) {
                    if (match(s, k, p, j)) {
                        return true;
                    }
                }
                return false;
            }
            if (i >= s.length() || (c != '?' && c != s.charAt(i))) {
                return false;
            }
            i++;
            j++;
        }
        return i == s.length();
    }

    /** Splits on commas outside double quotes. */
    static List<String> splitOptions(String options) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < options.length(); i++) {
            char c = options.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(options.substring(start, i));
                start = i + 1;
            }
        }
        if (quoted) {
            throw new BadInputException("unterminated quote in options");
        }
        out.add(options.substring(start));
        return out;
    }

    static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        if (v.contains("\"")) {
            throw new BadInputException("misplaced quote in '" + v + "'");
        }
        return v;
    }

    /** Whitespace-separated words where double quotes protect spaces, as OpenSSH's strdelim does. */
    static final class Tokenizer {
        private final String s;
        private int pos;

        Tokenizer(String s) {
            this.s = s;
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        /** The next word, with surrounding quotes removed; null at the end. */
        String next() {
            skipSpace();
            if (pos >= s.length()) {
                return null;
            }
            int start = pos;
            boolean quoted = false;
            while (pos < s.length() && (quoted || !Character.isWhitespace(s.charAt(pos)))) {
                if (s.charAt(pos) == '"') {
                    quoted = !quoted;
                }
                pos++;
            }
            if (quoted) {
                throw new BadInputException("unterminated quote");
            }
            String word = s.substring(start, pos);
            // Principals may be quoted as a whole; options keep their inner quotes for splitOptions.
            return word.startsWith("\"") && word.endsWith("\"") && word.length() >= 2 ? word.substring(1, word.length() - 1) : word;
        }

        String peekWord() {
            int saved = pos;
            String w = next();
            pos = saved;
            return w;
        }

        String rest() {
            skipSpace();
            return s.substring(pos);
        }
    }
}
