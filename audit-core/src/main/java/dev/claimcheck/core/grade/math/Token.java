package dev.claimcheck.core.grade.math;

/** One lexical token of a normalized answer. */
record Token(Kind kind, String text) {
    enum Kind { NUM, IDENT, CMD, SYM, END }

    boolean is(String s) {
        return text.equals(s) && kind != Kind.NUM;
    }
}
