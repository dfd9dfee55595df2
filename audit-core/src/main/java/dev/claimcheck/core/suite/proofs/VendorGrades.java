package dev.claimcheck.core.suite.proofs;

import dev.claimcheck.core.BadInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The points a vendor gives its own solutions, read from the prose of its README: sections headed
 * {@code #### Problem N} stating "This solution gets **N points**" (English), or {@code #### 第N题} stating
 * "此题得分**N分**" (Chinese). They are the claim under test, never a reference grade.
 */
final class VendorGrades {
    private static final Pattern HEADING_EN = Pattern.compile("^#{1,6}\\s*Problem\\s+(\\d+)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADING_ZH = Pattern.compile("^#{1,6}\\s*第\\s*([0-9一二三四五六七八九十]+)\\s*题.*");
    private static final Pattern POINTS_EN = Pattern.compile("gets\\s*\\*\\*\\s*(\\d+(?:\\.\\d+)?)\\s*points?\\s*\\*\\*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POINTS_ZH = Pattern.compile("\\*\\*\\s*(\\d+(?:\\.\\d+)?)\\s*分\\s*\\*\\*");

    /** A stated grade: the points and where they are stated ({@code README_en.md:12}). */
    record Stated(double points, String source) {
    }

    private VendorGrades() {
    }

    /** English README: problem number → stated points. */
    static Map<Integer, Stated> english(String text, String name) {
        return read(text, name, HEADING_EN, POINTS_EN);
    }

    /** Chinese README: problem number → stated points. */
    static Map<Integer, Stated> chinese(String text, String name) {
        return read(text, name, HEADING_ZH, POINTS_ZH);
    }

    private static Map<Integer, Stated> read(String text, String name, Pattern heading, Pattern points) {
        Map<Integer, Stated> out = new LinkedHashMap<>();
        Integer problem = null;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher h = heading.matcher(line);
            if (h.matches()) {
                problem = number(h.group(1));
                continue;
            }
            Matcher p = points.matcher(line);
            if (!p.find()) {
                continue;
            }
            String where = name + ":" + (i + 1);
            if (problem == null) {
                throw new BadInputException(where + ": a grade before any problem heading");
            }
            if (out.containsKey(problem)) {
                throw new BadInputException(where + ": a second grade for problem " + problem + " (first at "
                        + out.get(problem).source() + ")");
            }
            out.put(problem, new Stated(Double.parseDouble(p.group(1)), where));
        }
        return out;
    }

    /** Arabic digits, or Chinese numerals up to 99 (一 … 十, 十一, 二十三). */
    static int number(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        String digits = "零一二三四五六七八九";
        int ten = s.indexOf('十');
        if (ten < 0) {
            return digits.indexOf(s.charAt(0));
        }
        int tens = ten == 0 ? 1 : digits.indexOf(s.charAt(0));
        int units = ten == s.length() - 1 ? 0 : digits.indexOf(s.charAt(ten + 1));
        return tens * 10 + units;
    }
}
