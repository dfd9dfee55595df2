package dev.claimcheck.site.run;

import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.page.Messages;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workload figure's name in the page's language (docs/site.md, "Languages"). The id is summary.csv's
 * ({@code math.passAt4}, {@code proofs.problem.P1.mean}) and stays beside the name, since readers grep it there.
 * The bundles word a figure by {@code figure.ID}, or by a pattern of a family whose {@code *} stands for one part
 * without dots ({@code figure.math.passAt*}, {@code figure.proofs.problem.*.mean}; a final {@code *} takes the rest),
 * that part becoming {@code {0}}…;
 * a figure no key covers is shown by its id alone.
 */
final class FigureNames {
    private static final String PREFIX = "figure.";
    private static final Map<Lang, List<Family>> FAMILIES = families();

    private FigureNames() {
    }

    /** The name of {@code id} in the page's language, or null when the bundle has none. */
    static String of(String id, Links links) {
        Messages m = Messages.of(links.lang());
        if (m.all().containsKey(PREFIX + id)) {
            return m.get(PREFIX + id);
        }
        for (Family f : FAMILIES.get(links.lang())) {
            Matcher x = f.pattern().matcher(id);
            if (x.matches()) {
                Object[] parts = new Object[x.groupCount()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = x.group(i + 1);
                }
                return m.get(f.key(), parts);
            }
        }
        return null;
    }

    private record Family(String key, Pattern pattern) {
    }

    /** {@code *} is one part without dots; at the very end, the rest of the id (a group's name may hold dots). */
    static Pattern pattern(String family) {
        String[] parts = family.split("\\*", -1);
        StringBuilder re = new StringBuilder(Pattern.quote(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            re.append(i == parts.length - 1 && parts[i].isEmpty() ? "(.+)" : "([^.]+)");
            if (!parts[i].isEmpty()) {
                re.append(Pattern.quote(parts[i]));
            }
        }
        return Pattern.compile(re.toString());
    }

    /** The keys with a {@code *}, longest first, so that a more particular pattern wins over a broader one. */
    private static Map<Lang, List<Family>> families() {
        Map<Lang, List<Family>> out = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            List<Family> list = new ArrayList<>();
            Messages.of(l).all().keySet().stream().filter(k -> k.startsWith(PREFIX) && k.contains("*"))
                    .sorted((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b))
                    .forEach(k -> list.add(new Family(k, pattern(k.substring(PREFIX.length())))));
            out.put(l, List.copyOf(list));
        }
        return out;
    }
}
