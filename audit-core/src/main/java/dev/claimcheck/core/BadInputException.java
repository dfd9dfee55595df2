package dev.claimcheck.core;

/** Bad usage or a bad input file (unknown suite, malformed dataset, unreadable run folder): exit code 2. */
public final class BadInputException extends ClaimcheckException {
    public BadInputException(String message) {
        super(message, null);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
