package dev.claimcheck.core.endpoint;

/**
 * Reasoning left in {@code content} between think tags by an engine without a reasoning parser
 * ({@link ResponseAssembler}): the split into reasoning and answer.
 *
 * @param reasoning the text before the last {@code </think>}, without the tags
 * @param answer the text after it, leading whitespace dropped (empty when the answer never came)
 */
record ThinkTags(String reasoning, String answer) {
    static final String OPEN = "<think>";
    static final String CLOSE = "</think>";

    /**
     * The split of a content, or null when it holds no think section: neither a closing tag nor an opening tag at its
     * start (after whitespace). A {@code <think>} later in the text is the model talking about tags, not reasoning.
     */
    static ThinkTags split(CharSequence content) {
        String text = content.toString();
        int close = text.lastIndexOf(CLOSE);
        String lead = text.stripLeading();
        boolean opens = lead.startsWith(OPEN);
        if (close < 0 && !opens) {
            return null;
        }
        if (close < 0) {
            return new ThinkTags(lead.substring(OPEN.length()), "");
        }
        String before = text.substring(0, close);
        String b = before.stripLeading();
        String reasoning = b.startsWith(OPEN) ? b.substring(OPEN.length()) : before;
        return new ThinkTags(reasoning, text.substring(close + CLOSE.length()).stripLeading());
    }
}
