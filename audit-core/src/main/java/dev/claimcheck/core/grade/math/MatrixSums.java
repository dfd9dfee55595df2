package dev.claimcheck.core.grade.math;

import dev.claimcheck.core.grade.math.Answer.Matrix;
import dev.claimcheck.core.grade.math.Answer.Value;
import dev.claimcheck.core.grade.math.Expr.Add;
import dev.claimcheck.core.grade.math.Expr.Mul;
import dev.claimcheck.core.grade.math.Expr.Neg;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Math v3: an answer written as sums, products and scalar multiples of matrices
 * ({@code \begin{pmatrix}1&2\\3&4\end{pmatrix} + \begin{pmatrix}5&6\\7&8\end{pmatrix}}, {@code 2\begin{pmatrix}…\end{pmatrix}})
 * is the matrix they give, cell by cell, as expressions (docs/grading/math.md). Bounded: at most
 * {@link #MAX_MATRICES} matrices of at most {@link #MAX_SIDE} rows and columns.
 */
final class MatrixSums {
    static final int MAX_MATRICES = 4;
    static final int MAX_SIDE = 6;
    private static final Pattern LITERAL = Pattern.compile(
            "\\\\begin\\{([pbvBV]?matrix)\\}(.*?)\\\\end\\{\\1\\}", Pattern.DOTALL);
    /** What {@link #scalar} answers for text that is no constant (compared by identity). */
    private static final Expr NOT_A_SCALAR = new Expr.Sym("not a scalar");
    private static final Pattern PRODUCT = Pattern.compile("\\s*(?:\\\\cdot|\\\\times)?\\s*");

    private MatrixSums() {
    }

    /** The matrix {@code s} evaluates to, or null when it is not such an expression. */
    static Matrix evaluate(String s, boolean percent) {
        Matcher m = LITERAL.matcher(s);
        List<List<List<Expr>>> matrices = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        int at = 0;
        while (m.find()) {
            if (matrices.size() == MAX_MATRICES) {
                return null;
            }
            gaps.add(s.substring(at, m.start()));
            List<List<Expr>> cells = cells(m.group(), percent);
            if (cells == null) {
                return null;
            }
            matrices.add(cells);
            at = m.end();
        }
        if (matrices.isEmpty() || matrices.size() == 1 && gaps.get(0).isBlank() || !s.substring(at).isBlank()) {
            return null;
        }
        List<List<Expr>> sum = null;
        List<List<Expr>> term = null;
        for (int i = 0; i < matrices.size(); i++) {
            String gap = gaps.get(i).strip();
            if (i > 0 && PRODUCT.matcher(gap).matches()) {
                term = product(term, matrices.get(i));
            } else {
                boolean minus = false;
                if (i > 0) {
                    if (gap.charAt(0) != '+' && gap.charAt(0) != '-') {
                        return null;
                    }
                    minus = gap.charAt(0) == '-';
                    gap = gap.substring(1);
                    sum = add(sum, term);
                }
                Expr scale = scalar(gap, percent);
                if (scale == NOT_A_SCALAR || sum == null && i > 0) {
                    return null;
                }
                term = scaled(matrices.get(i), scale, minus);
            }
            if (term == null) {
                return null;
            }
        }
        List<List<Expr>> result = add(sum, term);
        return result == null ? null : matrix(s, result, percent);
    }

    private static List<List<Expr>> cells(String literal, boolean percent) {
        if (!(AnswerParser.parse(literal, percent) instanceof Matrix mx) || mx.rows().isEmpty()
                || mx.rows().size() > MAX_SIDE) {
            return null;
        }
        List<List<Expr>> rows = new ArrayList<>();
        for (List<Answer> row : mx.rows()) {
            if (row.size() != mx.rows().get(0).size() || row.size() > MAX_SIDE) {
                return null;
            }
            List<Expr> out = new ArrayList<>();
            for (Answer a : row) {
                if (!(a instanceof Value v)) {
                    return null;
                }
                out.add(v.expr());
            }
            rows.add(out);
        }
        return rows;
    }

    /** A blank scalar is 1 (null); {@code -} alone is −1; otherwise an expression, else {@link #NOT_A_SCALAR}. */
    private static Expr scalar(String text, boolean percent) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.equals("-")) {
            return new Neg(new Expr.Num(Rational.of(1), false));
        }
        Answer a = AnswerParser.parse(t.replaceFirst("\\s*(?:\\\\cdot|\\\\times)$", ""), percent);
        return a instanceof Value v ? v.expr() : NOT_A_SCALAR;
    }

    private static List<List<Expr>> scaled(List<List<Expr>> a, Expr scale, boolean minus) {
        List<List<Expr>> out = new ArrayList<>();
        for (List<Expr> row : a) {
            List<Expr> r = new ArrayList<>();
            for (Expr e : row) {
                Expr x = scale == null ? e : new Mul(scale, e);
                r.add(minus ? new Neg(x) : x);
            }
            out.add(r);
        }
        return out;
    }

    private static List<List<Expr>> add(List<List<Expr>> a, List<List<Expr>> b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (a.size() != b.size() || a.get(0).size() != b.get(0).size()) {
            return null;
        }
        List<List<Expr>> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            List<Expr> r = new ArrayList<>();
            for (int j = 0; j < a.get(i).size(); j++) {
                r.add(new Add(a.get(i).get(j), b.get(i).get(j)));
            }
            out.add(r);
        }
        return out;
    }

    private static List<List<Expr>> product(List<List<Expr>> a, List<List<Expr>> b) {
        if (a == null || a.get(0).size() != b.size()) {
            return null;
        }
        List<List<Expr>> out = new ArrayList<>();
        for (List<Expr> row : a) {
            List<Expr> r = new ArrayList<>();
            for (int j = 0; j < b.get(0).size(); j++) {
                Expr cell = null;
                for (int k = 0; k < b.size(); k++) {
                    Expr p = new Mul(row.get(k), b.get(k).get(j));
                    cell = cell == null ? p : new Add(cell, p);
                }
                r.add(cell);
            }
            out.add(r);
        }
        return out;
    }

    private static Matrix matrix(String s, List<List<Expr>> cells, boolean percent) {
        List<List<Answer>> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            List<Answer> r = new ArrayList<>();
            for (int j = 0; j < cells.get(i).size(); j++) {
                // The source names the cell of the whole expression, so no two computed cells read alike as text.
                r.add(new Value(s + " [" + i + "," + j + "]", cells.get(i).get(j), percent));
            }
            rows.add(r);
        }
        return new Matrix(s, rows);
    }
}
