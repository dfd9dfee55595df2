package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.model.WireProfile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one response showed of its engine's wire profile, noted while {@link ResponseAssembler} reads it: the reasoning
 * field that carried text, how many chunks carried {@code usage}, whether llama.cpp's {@code timings} or SGLang's
 * {@code meta_info} came, and per tool call how many deltas it took and whether its id came again.
 */
final class WireObserver {
    private String reasoningField;
    private int chunks;
    private int usageChunks;
    private boolean timings;
    private boolean metaInfo;
    private final Map<Integer, Integer> toolDeltas = new HashMap<>();
    private final Set<Integer> idRepeated = new HashSet<>();
    private final Set<Integer> idSeen = new HashSet<>();

    void chunk() {
        chunks++;
    }

    void usage() {
        usageChunks++;
    }

    void timings() {
        timings = true;
    }

    void metaInfo() {
        metaInfo = true;
    }

    void reasoningField(String field) {
        if (reasoningField == null) {
            reasoningField = field;
        }
    }

    String reasoningField() {
        return reasoningField;
    }

    void toolDelta(int index, String id) {
        toolDeltas.merge(index, 1, Integer::sum);
        if (id != null && !id.isEmpty() && !idSeen.add(index)) {
            idRepeated.add(index);
        }
    }

    static WireProfile.Reasoning reasoning(String field) {
        return field.equals("reasoning") ? WireProfile.Reasoning.REASONING : WireProfile.Reasoning.REASONING_CONTENT;
    }

    WireProfile.UsageLayout usageLayout() {
        if (usageChunks > 1) {
            return WireProfile.UsageLayout.EVERY_CHUNK;
        }
        if (usageChunks == 1) {
            return timings ? WireProfile.UsageLayout.FINAL_WITH_TIMINGS : WireProfile.UsageLayout.FINAL;
        }
        return metaInfo ? WireProfile.UsageLayout.META_INFO : timings ? WireProfile.UsageLayout.TIMINGS
                : WireProfile.UsageLayout.NONE;
    }

    /** Streamed responses only: a JSON body holds its calls whole by its nature and says nothing about deltas. */
    WireProfile.ToolCallDeltas toolCallDeltas() {
        if (toolDeltas.isEmpty() || chunks == 0) {
            return WireProfile.ToolCallDeltas.NONE;
        }
        if (toolDeltas.values().stream().allMatch(n -> n == 1)) {
            return WireProfile.ToolCallDeltas.WHOLE;
        }
        return idRepeated.isEmpty() ? WireProfile.ToolCallDeltas.PIECES : WireProfile.ToolCallDeltas.PIECES_ID_REPEATED;
    }
}
