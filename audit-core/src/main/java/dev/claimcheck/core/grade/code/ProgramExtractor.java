package dev.claimcheck.core.grade.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the program from a model response: the last fenced code block tagged with the requested language (as
 * LiveCodeBench does); an untagged block counts only when no tagged block exists. Linear in the response.
 */
public final class ProgramExtractor {
    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]*```[ \\t]*([A-Za-z0-9_+#-]*)[^\\n]*\\n(.*?)^[ \\t]*```",
            Pattern.DOTALL);

    private ProgramExtractor() {
    }

    public static Extraction extract(String response, String language) {
        if (response == null || response.isEmpty()) {
            return new Extraction(null, "empty response");
        }
        List<String[]> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(response);
        while (m.find()) {
            blocks.add(new String[] {m.group(1).toLowerCase(Locale.ROOT), m.group(2)});
        }
        if (blocks.isEmpty()) {
            return new Extraction(null, "no fenced code block");
        }
        int chosen = -1;
        int untagged = -1;
        for (int i = 0; i < blocks.size(); i++) {
            String tag = blocks.get(i)[0];
            if (matches(tag, language)) {
                chosen = i;
            } else if (tag.isEmpty()) {
                untagged = i;
            }
        }
        if (chosen >= 0) {
            return new Extraction(blocks.get(chosen)[1], "last ```" + language + " block (" + (chosen + 1) + " of "
                    + blocks.size() + " blocks)");
        }
        if (untagged >= 0) {
            return new Extraction(blocks.get(untagged)[1], "last untagged block (" + (untagged + 1) + " of "
                    + blocks.size() + " blocks; none tagged " + language + ")");
        }
        List<String> tags = blocks.stream().map(b -> b[0]).distinct().toList();
        return new Extraction(null, "no ```" + language + " block (found: " + String.join(", ", tags) + ")");
    }

    private static boolean matches(String tag, String language) {
        return switch (language) {
            case "python" -> tag.equals("python") || tag.equals("py") || tag.equals("python3");
            default -> tag.equals(language);
        };
    }
}
