package dev.claimcheck.core.grade.code;

/**
 * The program read from a response and how it was chosen.
 *
 * @param program the code, or null when no block in the language was found
 * @param choice e.g. "last ```python block (2 of 3 blocks)" or why nothing was found
 */
public record Extraction(String program, String choice) {
}
