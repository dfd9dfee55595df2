package dev.claimcheck.core.suite.mrcr;

import dev.claimcheck.core.model.ChatMessage;
import java.util.List;

/**
 * One row of an MRCR parquet file, as read.
 *
 * @param number the 1-based row of the file
 * @param messages the row's {@code prompt}: the conversation as published, ending with the user's request
 * @param answer the expected reply, which begins with {@code prepend}
 * @param prepend {@code random_string_to_prepend}
 * @param needles {@code n_needles}
 */
record MrcrRow(long number, List<ChatMessage> messages, String answer, String prepend, int needles) {
    MrcrRow {
        messages = List.copyOf(messages);
    }
}
