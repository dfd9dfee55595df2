package dev.claimcheck.core.suite.data;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.RunManifest.DatasetFields;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column is the id, the problem and the answer: detected from common spellings, or named with
 * {@code --fields id=…,problem=…,answer=…} (any subset; the rest is detected). Matching ignores case and
 * surrounding spaces.
 */
public final class FieldMapping {
    /** Spellings tried in order for each role. */
    static final Map<String, List<String>> CANDIDATES = candidates();

    private FieldMapping() {
    }

    private static Map<String, List<String>> candidates() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("id", List.of("id", "problem_idx", "question_id", "unique_id", "problem_id", "idx", "problem id"));
        c.put("problem", List.of("problem", "question", "prompt"));
        c.put("answer", List.of("answer", "final_answer", "short answer", "solution"));
        return c;
    }

    /** Parses {@code id=…,problem=…,answer=…}; null or blank gives no overrides. */
    public static Map<String, String> parseOverrides(String spec) {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return overrides;
        }
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            String role = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            String name = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (!CANDIDATES.containsKey(role)) {
                throw new BadInputException("--fields: unknown role '" + role + "' (use id=…,problem=…,answer=…)");
            }
            if (name.isEmpty()) {
                throw new BadInputException("--fields: " + role + " needs a column name, e.g. " + role + "=" + CANDIDATES.get(role).get(0));
            }
            if (overrides.put(role, name) != null) {
                throw new BadInputException("--fields: " + role + " is given twice");
            }
        }
        return overrides;
    }

    /**
     * The mapping for a file whose rows have these keys (the CSV header, or the first JSON row's keys).
     *
     * @param file the file name, for messages
     */
    public static DatasetFields resolve(String file, Collection<String> keys, Map<String, String> overrides) {
        String[] chosen = new String[3];
        int i = 0;
        for (Map.Entry<String, List<String>> role : CANDIDATES.entrySet()) {
            String wanted = overrides.get(role.getKey());
            if (wanted != null) {
                chosen[i] = find(keys, wanted);
                if (chosen[i] == null) {
                    throw new BadInputException(file + ": no field '" + wanted + "' (named by --fields " + role.getKey()
                            + "=…); fields: " + String.join(", ", keys));
                }
            } else {
                for (String candidate : role.getValue()) {
                    chosen[i] = find(keys, candidate);
                    if (chosen[i] != null) {
                        break;
                    }
                }
                if (chosen[i] == null) {
                    throw new BadInputException(file + ": no " + role.getKey() + " field (looked for "
                            + String.join(", ", role.getValue()) + "; fields: " + String.join(", ", keys)
                            + "); name it with --fields " + role.getKey() + "=…");
                }
            }
            i++;
        }
        if (chosen[0].equals(chosen[1]) || chosen[0].equals(chosen[2]) || chosen[1].equals(chosen[2])) {
            throw new BadInputException(file + ": one field is used for two roles (id=" + chosen[0] + ", problem="
                    + chosen[1] + ", answer=" + chosen[2] + ")");
        }
        return new DatasetFields(chosen[0], chosen[1], chosen[2]);
    }

    private static String find(Collection<String> keys, String wanted) {
        for (String k : keys) {
            if (k.equals(wanted)) {
                return k;
            }
        }
        String w = wanted.strip().toLowerCase(Locale.ROOT);
        for (String k : keys) {
            if (k.strip().toLowerCase(Locale.ROOT).equals(w)) {
                return k;
            }
        }
        return null;
    }
}
