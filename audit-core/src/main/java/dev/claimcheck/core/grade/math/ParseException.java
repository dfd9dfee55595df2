package dev.claimcheck.core.grade.math;

/** The text is not an expression this parser reads; the answer is then compared as text. */
final class ParseException extends RuntimeException {
    ParseException(String message) {
        super(message, null, false, false);
    }
}
