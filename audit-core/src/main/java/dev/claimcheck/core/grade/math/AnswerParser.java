package dev.claimcheck.core.grade.math;

import dev.claimcheck.core.grade.math.Answer.Bracketed;
import dev.claimcheck.core.grade.math.Answer.Matrix;
import dev.claimcheck.core.grade.math.Answer.Relation;
import dev.claimcheck.core.grade.math.Answer.Text;
import dev.claimcheck.core.grade.math.Answer.Union;
import dev.claimcheck.core.grade.math.Answer.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the structure of a normalized answer (lists, relations, brackets, matrices) around its expressions. */
final class AnswerParser {
    private static final Pattern MATRIX = Pattern.compile(
            "^[(\\[]?\\s*\\\\begin\\{([pbvBV]?matrix|array)\\}(\\{[^}]*\\})?(.*)\\\\end\\{\\1\\}\\s*[)\\]]?$", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("(?<![\\\\A-Za-z])[A-Za-z]{3,}");
    private static final Pattern SEPARATOR_WORD = Pattern.compile("\\s+(and|or)\\s+|(?<=[)\\]}])\\s*(and|or)\\s*(?=[(\\[{])");
    private static final String RELATIONS = "=<>\u2264\u2265\u2260\u2208\u2248";

    private AnswerParser() {
    }

    static Answer parse(String s, boolean percent) {
        return parse(s.strip(), percent, 0);
    }

    /**
     * With the structure rules of {@code rules}. v3: where both {@code ;} and {@code ,} separate at the top, the
     * semicolons separate solutions and the commas their parts ({@code x=5, y=2; x=7, y=2} is two pairs); sums,
     * products and multiples of matrices are the matrix they give ({@link MatrixSums}).
     */
    static Answer parse(String s, boolean percent, MathRules rules) {
        String t = rules.atLeast(MathRules.V3) ? SetNotation.rewrite(s) : s.strip();
        if (rules.atLeast(MathRules.V3) && t.indexOf(';') >= 0 && t.indexOf(',') >= 0) {
            List<String> groups = split(t, ";");
            if (groups.size() > 1 && groups.stream().anyMatch(g -> split(g, ",").size() > 1)) {
                List<Answer> out = new ArrayList<>();
                for (String g : groups) {
                    if (!g.isBlank()) {
                        out.add(parse(g.strip(), percent, 1));
                    }
                }
                return new Bracketed(t, ' ', ' ', out);
            }
        }
        if (rules.atLeast(MathRules.V3) && t.contains("\\begin{")) {
            Matrix sum = MatrixSums.evaluate(t, percent);
            if (sum != null) {
                return sum;
            }
        }
        return parse(t, percent, 0);
    }

    private static Answer parse(String s, boolean percent, int depth) {
        if (depth > 20) {
            throw new BudgetExceededException("answer structure nested deeper than 20");
        }
        // The regexes run only when their literal parts occur: most answers are plain numbers.
        if (s.contains("\\begin{")) {
            Matcher m = MATRIX.matcher(s);
            if (m.matches()) {
                return matrix(s, m.group(3), percent, depth);
            }
        }
        String listed = s.contains("and") || s.contains("or") ? SEPARATOR_WORD.matcher(s).replaceAll(",") : s;
        List<String> items = split(listed, ",;");
        if (items.size() > 1) {
            return bare(s, items, percent, depth);
        }
        List<String> parts = split(s, "\u222a");
        if (parts.size() > 1) {
            List<Answer> out = new ArrayList<>();
            for (String p : parts) {
                out.add(parse(p.strip(), percent, depth + 1));
            }
            return new Union(s, out);
        }
        Answer relation = relation(s, percent, depth);
        if (relation != null) {
            return relation;
        }
        Answer bracketed = bracketed(s, percent, depth);
        if (bracketed != null) {
            return bracketed;
        }
        return value(s, percent);
    }

    private static Answer bare(String s, List<String> items, boolean percent, int depth) {
        List<Answer> out = new ArrayList<>();
        for (String item : items) {
            if (item.isBlank()) {
                continue;
            }
            Answer a = parse(item.strip(), percent, depth + 1);
            // "2, 3, (3 ± i√3)/2" flattens into one list of four solutions.
            if (a instanceof Bracketed b && b.isBare()) {
                out.addAll(b.items());
            } else {
                out.add(a);
            }
        }
        return new Bracketed(s, ' ', ' ', out);
    }

    private static Answer matrix(String s, String body, boolean percent, int depth) {
        List<List<Answer>> rows = new ArrayList<>();
        for (String row : body.split("\\\\\\\\")) {
            if (row.isBlank() || row.strip().equals("\\hline")) {
                continue;
            }
            List<Answer> cells = new ArrayList<>();
            for (String cell : row.split("&")) {
                cells.add(parse(cell.strip(), percent, depth + 1));
            }
            rows.add(cells);
        }
        return new Matrix(s, rows);
    }

    private static Answer relation(String s, boolean percent, int depth) {
        List<String> sides = new ArrayList<>();
        List<Character> ops = new ArrayList<>();
        int level = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            level += depthChange(c);
            if (level == 0 && RELATIONS.indexOf(c) >= 0) {
                sides.add(s.substring(from, i).strip());
                ops.add(c);
                from = i + 1;
            }
        }
        if (ops.isEmpty()) {
            return null;
        }
        sides.add(s.substring(from).strip());
        int approx = ops.indexOf('\u2248');
        if (approx > 0) {
            // "x = 1/3 ≈ 0.33": the exact value before ≈ is the answer.
            return parse(String.join("=", sides.subList(0, approx + 1)), percent, depth + 1);
        }
        char op = ops.get(0);
        if (op == '\u2248') {
            // "x ≈ 11" means 11; "√3/3 ≈ 0.577" means √3/3.
            return Labels.isLabel(sides.get(0)) ? parse(last(sides), percent, depth + 1)
                    : parse(sides.get(0), percent, depth + 1);
        }
        if (op == '\u2208') {
            return parse(last(sides), percent, depth + 1);
        }
        if (ops.stream().allMatch(o -> o == '=') && sides.size() > 2 && Labels.isLabel(sides.get(0))) {
            // "z = 1 + 1 = 2": the last right-hand side is the answer.
            return relation(s, '=', sides.get(0), last(sides), percent, depth);
        }
        if (ops.size() == 2 && sides.size() == 3) {
            Answer interval = chain(s, ops, sides, percent, depth);
            if (interval != null) {
                return interval;
            }
        }
        if (ops.size() > 1 || sides.get(0).isEmpty() || last(sides).isEmpty()) {
            return new Text(s);
        }
        return relation(s, op, sides.get(0), sides.get(1), percent, depth);
    }

    private static Answer relation(String s, char op, String left, String right, boolean percent, int depth) {
        // Greater-than forms are turned around so that x > 1 and 1 < x read alike.
        if (op == '>' || op == '\u2265') {
            String t = left;
            left = right;
            right = t;
            op = op == '>' ? '<' : '\u2264';
        }
        return new Relation(s, String.valueOf(op), left, parse(left, percent, depth + 1),
                right, parse(right, percent, depth + 1));
    }

    /** {@code a < x ≤ b} (or turned around) with a variable in the middle is the interval (a, b]. */
    private static Answer chain(String s, List<Character> ops, List<String> sides, boolean percent, int depth) {
        char a = ops.get(0);
        char b = ops.get(1);
        boolean up = isLess(a) && isLess(b);
        boolean down = isGreater(a) && isGreater(b);
        if (!(up || down) || !Labels.isLabel(sides.get(1))) {
            return null;
        }
        String lo = up ? sides.get(0) : sides.get(2);
        String hi = up ? sides.get(2) : sides.get(0);
        boolean loClosed = (up ? a : b) == '\u2264' || (up ? a : b) == '\u2265';
        boolean hiClosed = (up ? b : a) == '\u2264' || (up ? b : a) == '\u2265';
        return new Bracketed(s, loClosed ? '[' : '(', hiClosed ? ']' : ')',
                List.of(parse(lo, percent, depth + 1), parse(hi, percent, depth + 1)));
    }

    private static boolean isLess(char c) {
        return c == '<' || c == '\u2264';
    }

    private static boolean isGreater(char c) {
        return c == '>' || c == '\u2265';
    }

    private static Answer bracketed(String s, boolean percent, int depth) {
        char open;
        String inner;
        char close = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        if (s.startsWith("\\{") && s.endsWith("\\}") && Braces.matchingAny(s, 1) == s.length() - 1) {
            open = '{';
            close = '}';
            inner = s.substring(2, s.length() - 2);
        } else if (s.length() >= 2 && "([{".indexOf(s.charAt(0)) >= 0 && ")]}".indexOf(close) >= 0
                && Braces.matchingAny(s, 0) == s.length() - 1) {
            open = s.charAt(0);
            inner = s.substring(1, s.length() - 1);
            if (open == '{') {
                // Plain braces are LaTeX grouping: "{1,3}" is the list 1, 3, not a set.
                open = ' ';
                close = ' ';
            }
        } else {
            return null;
        }
        List<String> items = split(inner, ",;");
        if (items.size() == 1 && open != '{') {
            if (inner.isBlank()) {
                return new Bracketed(s, open, close, List.of());
            }
            // "(35 + 70 = 105)": a parenthesized statement is read as the statement.
            boolean statement = open == '(' && close == ')' && inner.chars().anyMatch(c -> RELATIONS.indexOf(c) >= 0);
            return statement ? parse(inner.strip(), percent, depth + 1) : null;
        }
        List<Answer> out = new ArrayList<>();
        for (String item : items) {
            if (!item.isBlank()) {
                out.add(parse(item.strip(), percent, depth + 1));
            }
        }
        return new Bracketed(s, open, close, out);
    }

    private static Answer value(String s, boolean percent) {
        if (s.isEmpty() || hasLetterRun(s) && WORD.matcher(s.replace("\\infty", "")).results()
                .anyMatch(w -> !Lexer.WORDS.contains(w.group()))) {
            return new Text(s);
        }
        try {
            Expr e = ExprParser.parse(s);
            if (ExprTrees.hasPlusMinus(e)) {
                List<Answer> alternatives = new ArrayList<>();
                for (Expr x : ExprTrees.expandPlusMinus(e)) {
                    alternatives.add(new Value(s, x, percent));
                }
                return new Bracketed(s, ' ', ' ', alternatives);
            }
            return new Value(s, e, percent);
        } catch (ParseException | ArithmeticException | NumberFormatException ex) {
            return new Text(s);
        }
    }

    /** Three ASCII letters in a row, without which {@link #WORD} cannot match (nor can removing "\\infty" make one). */
    private static boolean hasLetterRun(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = Lexer.isAsciiLetter(s.charAt(i)) ? run + 1 : 0;
            if (run == 3) {
                return true;
            }
        }
        return false;
    }

    private static String last(List<String> l) {
        return l.get(l.size() - 1);
    }

    private static int depthChange(char c) {
        if (c == '(' || c == '[' || c == '{') {
            return 1;
        }
        return c == ')' || c == ']' || c == '}' ? -1 : 0;
    }

    /** Splits at any of {@code separators} outside brackets (intervals count as brackets too). */
    static List<String> split(String s, String separators) {
        List<String> out = new ArrayList<>();
        int level = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            level += depthChange(c);
            if (level == 0 && separators.indexOf(c) >= 0) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }
}
