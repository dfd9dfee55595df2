package dev.claimcheck.core.suite.lcb;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;

/**
 * Where one problem's row lies in a release file: the bytes {@code [offset, end)} of the file whose SHA-256 is
 * {@code sha256}. It is the task's {@code expected}; the verdict records its hash, which therefore pins the tests'
 * bytes exactly without holding or storing them.
 */
record LcbLocator(String file, String sha256, long offset, long end, String id) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static LcbLocator parse(String json) {
        try {
            return JSON.readValue(json, LcbLocator.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException("not a LiveCodeBench row locator: " + e.getOriginalMessage());
        }
    }
}
