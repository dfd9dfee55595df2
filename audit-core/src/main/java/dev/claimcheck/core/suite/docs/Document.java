package dev.claimcheck.core.suite.docs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated document and the facts planted in it.
 *
 * @param text the document as the model sees it
 * @param fields the extraction schema's fields in order, with their expected values (integers as digits)
 * @param types each field's JSON type for the schema line ("string", "integer", "date")
 * @param check a yes/no compliance question, decided by one sentence of the text
 * @param qa a knowledge-base question whose answer is a span of one sentence of the text
 */
record Document(String text, Map<String, String> fields, Map<String, String> types, Check check, Qa qa) {
    Document {
        fields = new LinkedHashMap<>(fields);
        types = new LinkedHashMap<>(types);
    }

    /** @param decisive the phrase of the deciding sentence that settles it, which a citation must contain */
    record Check(String question, boolean yes, String sentence, String decisive) {
    }

    record Qa(String question, String answer, String sentence) {
    }
}
