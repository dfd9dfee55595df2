package dev.claimcheck.core.grade.ifeval;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** {@code detectable_format:json_format}: the whole response, less an optional Markdown fence, is one JSON value. */
final class StrictJson {
    private static final ObjectMapper JSON = limited();

    private StrictJson() {
    }

    static boolean isJson(String response) {
        String s = response.strip();
        for (String fence : new String[] {"```json", "```Json", "```JSON", "```"}) {
            // Each prefix in turn, as upstream's chain of removeprefix calls.
            if (s.startsWith(fence)) {
                s = s.substring(fence.length());
            }
        }
        if (s.endsWith("```")) {
            s = s.substring(0, s.length() - 3);
        }
        s = s.strip();
        try {
            JSON.readTree(s);
            return !s.isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static ObjectMapper limited() {
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        return mapper;
    }
}
