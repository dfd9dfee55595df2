package dev.claimcheck.site.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.claimcheck.core.store.Json;

/**
 * JSON for pages and the API: {@code <}, {@code >}, {@code &} (and U+2028/U+2029) escaped as
 * {@code \u003c}-style sequences, so a model's output can never close a script element or be sniffed
 * as HTML (docs/architecture.md §8.3). Map keys sorted, so the same data gives the same bytes.
 */
public final class SafeJson {
    private static final ObjectMapper MAPPER = build();

    private SafeJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static ObjectMapper build() {
        ObjectMapper m = Json.mapper().copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        m.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
        return m;
    }

    static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] table;

        HtmlSafeEscapes() {
            table = standardAsciiEscapesForJSON();
            table['<'] = ESCAPE_STANDARD;
            table['>'] = ESCAPE_STANDARD;
            table['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028 || ch == 0x2029) {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
