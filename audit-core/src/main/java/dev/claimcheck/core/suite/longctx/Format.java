package dev.claimcheck.core.suite.longctx;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The formats a haystack mixes. Each writes filler blocks from {@link Words} and a planted fact (subject,
 * attribute, value) in its own syntax, so a needle sits in a section that looks like the text around it.
 */
enum Format {
    PROSE("prose"), MARKDOWN("markdown"), JSON("json"), CSV("csv"), LOG("log"), CODE("code");

    final String id;

    Format(String id) {
        this.id = id;
    }

    static Format of(String id) {
        for (Format f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "'");
    }

    /** One fact line in this format. */
    String fact(String subject, String attribute, String value) {
        return switch (this) {
            case PROSE -> "For the record, the " + attribute + " of " + subject + " is " + value + ".";
            case MARKDOWN -> "| " + subject + " | " + attribute + " | " + value + " |";
            case JSON -> "{\"subject\": \"" + subject + "\", \"attribute\": \"" + attribute + "\", \"value\": \"" + value + "\"}";
            case CSV -> subject + "," + attribute + "," + value;
            case LOG -> "2026-05-17T08:41:09Z INFO registry: " + attribute + " of " + subject + " set to " + value;
            case CODE -> "registry.record(\"" + subject + "\", \"" + attribute + "\", \"" + value + "\");";
        };
    }

    /** A filler block of a few lines; numbers have at most five digits. */
    String filler(SplittableRandom r) {
        StringBuilder b = new StringBuilder(512);
        switch (this) {
            case PROSE -> {
                int sentences = 3 + r.nextInt(3);
                for (int i = 0; i < sentences; i++) {
                    if (i > 0) {
                        b.append(' ');
                    }
                    b.append(capital(Words.pick(r, Words.PEOPLE))).append(' ').append(Words.pick(r, Words.VERBS))
                            .append(" the ").append(Words.pick(r, Words.ADJECTIVES)).append(' ')
                            .append(Words.pick(r, Words.NOUNS)).append(" near the ").append(Words.pick(r, Words.NOUNS))
                            .append(r.nextBoolean() ? " before noon." : ", and nothing else was noted.");
                }
            }
            case MARKDOWN -> {
                b.append("| item | status | count |\n|---|---|---|");
                for (int i = 0, n = 3 + r.nextInt(3); i < n; i++) {
                    b.append("\n| ").append(Words.pick(r, Words.ADJECTIVES)).append(' ').append(Words.pick(r, Words.NOUNS))
                            .append(" | ").append(Words.pick(r, Words.STATUSES)).append(" | ").append(r.nextInt(1000)).append(" |");
                }
            }
            case JSON -> {
                for (int i = 0, n = 2 + r.nextInt(3); i < n; i++) {
                    if (i > 0) {
                        b.append('\n');
                    }
                    b.append("{\"id\": ").append(r.nextInt(100_000)).append(", \"name\": \"")
                            .append(Words.pick(r, Words.ADJECTIVES)).append(' ').append(Words.pick(r, Words.NOUNS))
                            .append("\", \"status\": \"").append(Words.pick(r, Words.STATUSES)).append("\", \"tags\": [\"")
                            .append(Words.pick(r, Words.NOUNS)).append("\", \"").append(Words.pick(r, Words.ADJECTIVES))
                            .append("\"]}");
                }
            }
            case CSV -> {
                b.append("id,name,status,quantity");
                for (int i = 0, n = 4 + r.nextInt(3); i < n; i++) {
                    b.append('\n').append(r.nextInt(100_000)).append(',').append(Words.pick(r, Words.ADJECTIVES)).append(' ')
                            .append(Words.pick(r, Words.NOUNS)).append(',').append(Words.pick(r, Words.STATUSES)).append(',')
                            .append(r.nextInt(500));
                }
            }
            case LOG -> {
                for (int i = 0, n = 4 + r.nextInt(3); i < n; i++) {
                    if (i > 0) {
                        b.append('\n');
                    }
                    b.append(String.format(Locale.ROOT, "2026-05-%02dT%02d:%02d:%02dZ %s %s: %s %s in %d ms", 1 + r.nextInt(28),
                            r.nextInt(24), r.nextInt(60), r.nextInt(60), Words.pick(r, Words.LEVELS),
                            Words.pick(r, Words.COMPONENTS), Words.pick(r, Words.VERBS), Words.pick(r, Words.NOUNS),
                            r.nextInt(5000)));
                }
            }
            case CODE -> {
                String noun = Words.pick(r, Words.NOUNS);
                b.append("def count_").append(noun).append("(items):\n    total = 0\n    for item in items:\n")
                        .append("        if item.status == \"").append(Words.pick(r, Words.STATUSES)).append("\":\n")
                        .append("            total += item.").append(Words.pick(r, Words.NOUNS)).append("_count\n")
                        .append("    return total + ").append(r.nextInt(100)).append('\n');
            }
        }
        return b.toString();
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
