package dev.claimcheck.core.grade.math;

import dev.claimcheck.core.grade.math.Expr.Add;
import dev.claimcheck.core.grade.math.Expr.Call;
import dev.claimcheck.core.grade.math.Expr.Div;
import dev.claimcheck.core.grade.math.Expr.Mul;
import dev.claimcheck.core.grade.math.Expr.Neg;
import dev.claimcheck.core.grade.math.Expr.Num;
import dev.claimcheck.core.grade.math.Expr.PlusMinus;
import dev.claimcheck.core.grade.math.Expr.Pow;
import dev.claimcheck.core.grade.math.Expr.Sub;
import dev.claimcheck.core.grade.math.Expr.Sym;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for one scalar expression in LaTeX or plain notation. It builds a tree
 * and never evaluates text as code; nesting is bounded by {@link Budget#MAX_DEPTH}.
 */
final class ExprParser {
    private static final Set<String> FUNCTIONS = Set.of("sin", "cos", "tan", "sec", "csc", "cot", "ln", "log",
            "exp", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "abs");
    private static final Map<String, String> CONSTANTS = Map.of("pi", "pi", "infty", "infty", "inf", "infty");
    /** Commands that cannot start an implicit factor. */
    private static final Set<String> BINARY_COMMANDS = Set.of("\\cdot", "\\times", "\\div", "\\pm", "\\mp",
            "\\rfloor", "\\rceil", "\\right", "\\}");

    private final List<Token> tokens;
    private int pos;
    private int depth;

    private ExprParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses a whole string as one expression; throws {@link ParseException} when it is not one. */
    static Expr parse(String s) {
        ExprParser p = new ExprParser(Lexer.lex(s));
        Expr e = p.expr();
        if (p.peek().kind() != Token.Kind.END) {
            throw new ParseException("unexpected '" + p.peek().text() + "'");
        }
        return e;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean accept(String s) {
        if (peek().is(s)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String s) {
        if (!accept(s)) {
            throw new ParseException("expected '" + s + "' at '" + peek().text() + "'");
        }
    }

    private void enter() {
        if (++depth > Budget.MAX_DEPTH) {
            throw new BudgetExceededException("nesting deeper than " + Budget.MAX_DEPTH);
        }
    }

    private Expr expr() {
        enter();
        Expr left;
        if (accept("\\pm") || accept("\\mp")) {
            left = new PlusMinus(null, term());
        } else {
            left = term();
        }
        while (true) {
            if (accept("+")) {
                left = new Add(left, term());
            } else if (accept("-")) {
                left = new Sub(left, term());
            } else if (accept("\\pm") || accept("\\mp")) {
                left = new PlusMinus(left, term());
            } else {
                break;
            }
        }
        depth--;
        return left;
    }

    private Expr term() {
        Expr left = unary();
        while (true) {
            if (accept("*") || accept("\\cdot") || accept("\\times")) {
                left = new Mul(left, unary());
            } else if (accept("/") || accept("\\div")) {
                left = new Div(left, unary());
            } else if (startsFactor(peek())) {
                Expr right = power();
                left = mixedNumber(left, right) ? new Add(left, right) : new Mul(left, right);
            } else {
                return left;
            }
        }
    }

    /** {@code 918\frac{1}{2}} is the mixed number 918½, as competition answers write it. */
    private static boolean mixedNumber(Expr left, Expr right) {
        return left instanceof Num n && n.value().isInteger() && !n.decimal() && n.value().signum() > 0
                && right instanceof Div d && d.left() instanceof Num a && d.right() instanceof Num b
                && a.value().isInteger() && b.value().isInteger() && a.value().compareTo(b.value()) < 0
                && a.value().signum() > 0;
    }

    private boolean startsFactor(Token t) {
        return switch (t.kind()) {
            case NUM, IDENT -> true;
            case CMD -> !BINARY_COMMANDS.contains(t.text());
            case SYM -> t.text().equals("(") || t.text().equals("{") || t.text().equals("[");
            case END -> false;
        };
    }

    private Expr unary() {
        if (accept("-")) {
            enter();
            Expr e = new Neg(unary());
            depth--;
            return e;
        }
        if (accept("+")) {
            return unary();
        }
        return power();
    }

    private Expr power() {
        Expr base = postfix(primary());
        if (accept("^")) {
            enter();
            Expr exp = exponent();
            depth--;
            return new Pow(base, exp);
        }
        return base;
    }

    private Expr exponent() {
        if (accept("-")) {
            return new Neg(exponent());
        }
        if (peek().is("{")) {
            return group();
        }
        return postfix(primary());
    }

    private Expr postfix(Expr e) {
        while (accept("!")) {
            e = new Call("fact", List.of(e));
        }
        return e;
    }

    private Expr group() {
        expect("{");
        Expr e = expr();
        expect("}");
        return e;
    }

    /** A LaTeX macro argument: a braced group, or a single token ({@code \frac13}, {@code \sqrt3}). */
    private Expr argument() {
        if (peek().is("{")) {
            return group();
        }
        Token t = peek();
        if (t.kind() == Token.Kind.NUM && t.text().length() > 1 && !t.text().contains(".")) {
            tokens.set(pos, new Token(Token.Kind.NUM, t.text().substring(1)));
            return num(t.text().substring(0, 1));
        }
        return primary();
    }

    private Expr primary() {
        enter();
        try {
            Token t = next();
            return switch (t.kind()) {
                case NUM -> num(t.text());
                case IDENT -> identifier(t.text());
                case CMD -> command(t.text());
                case SYM -> symbol(t.text());
                case END -> throw new ParseException("unexpected end");
            };
        } finally {
            depth--;
        }
    }

    private static Expr num(String text) {
        return new Num(Rational.parseDecimal(text), text.contains("."));
    }

    private Expr identifier(String name) {
        if (CONSTANTS.containsKey(name)) {
            return new Sym(CONSTANTS.get(name));
        }
        if (name.equals("sqrt")) {
            return new Call("sqrt", List.of(functionArgument()));
        }
        if (FUNCTIONS.contains(name)) {
            return function(name);
        }
        return subscripted(name);
    }

    /** {@code a_{37}}, {@code x_1}, {@code f'}: one variable name, not a product. */
    private Expr subscripted(String name) {
        StringBuilder sb = new StringBuilder(name);
        if (accept("_")) {
            sb.append('_');
            if (peek().is("{")) {
                int level = 0;
                do {
                    Token t = next();
                    if (t.is("{")) {
                        level++;
                    } else if (t.is("}")) {
                        level--;
                    } else if (t.kind() == Token.Kind.END) {
                        throw new ParseException("unclosed subscript");
                    }
                    sb.append(t.text());
                } while (level > 0);
            } else {
                sb.append(next().text());
            }
        }
        while (accept("'")) {
            sb.append('\'');
        }
        return new Sym(sb.toString());
    }

    private Expr function(String name) {
        Expr power = null;
        if (accept("^")) {
            power = exponent();
        }
        Expr arg = functionArgument();
        Expr call = new Call(name, List.of(arg));
        return power == null ? call : new Pow(call, power);
    }

    /** {@code \sin(x)}, {@code \sin x}, {@code \sin 2x}: a bracketed argument or the next power. */
    private Expr functionArgument() {
        if (peek().is("(")) {
            next();
            Expr e = expr();
            expect(")");
            return e;
        }
        if (peek().is("{")) {
            return group();
        }
        return power();
    }

    private Expr symbol(String s) {
        switch (s) {
            case "(" -> {
                Expr e = expr();
                expect(")");
                return e;
            }
            case "[" -> {
                Expr e = expr();
                expect("]");
                return e;
            }
            case "{" -> {
                Expr e = expr();
                expect("}");
                return e;
            }
            case "|" -> {
                Expr e = expr();
                expect("|");
                return new Call("abs", List.of(e));
            }
            default -> throw new ParseException("unexpected '" + s + "'");
        }
    }

    private Expr command(String c) {
        String name = c.substring(1);
        switch (name) {
            case "frac" -> {
                Expr a = argument();
                return new Div(a, argument());
            }
            case "binom" -> {
                Expr a = argument();
                return new Call("binom", List.of(a, argument()));
            }
            case "sqrt" -> {
                if (accept("[")) {
                    Expr index = expr();
                    expect("]");
                    return new Call("root", List.of(index, argument()));
                }
                return new Call("sqrt", List.of(argument()));
            }
            case "lfloor", "lceil" -> {
                Expr e = expr();
                expect(name.equals("lfloor") ? "\\rfloor" : "\\rceil");
                return new Call(name.substring(1), List.of(e));
            }
            case "{" -> {
                Expr e = expr();
                expect("\\}");
                return e;
            }
            case "pi", "infty" -> {
                return new Sym(name);
            }
            default -> {
                if (FUNCTIONS.contains(name)) {
                    return function(name);
                }
                if (name.isEmpty() || !Lexer.isAsciiLetter(name.charAt(0))) {
                    throw new ParseException("unexpected '" + c + "'");
                }
                // Greek letters and other named symbols are variables.
                return subscripted(c);
            }
        }
    }
}
