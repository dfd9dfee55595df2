package dev.claimcheck.core.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.bfcl.AstChecker;
import dev.claimcheck.core.grade.bfcl.BfclDetail;
import dev.claimcheck.core.grade.bfcl.BfclSpec;
import dev.claimcheck.core.grade.bfcl.Call;
import dev.claimcheck.core.grade.bfcl.PythonCalls;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * BFCL's AST check (grade/bfcl, docs/grading/bfcl.md). The expected answer is {@link BfclSpec}'s JSON. In FC mode
 * the reply's native tool calls are checked (their arguments must be a JSON object); in prompt mode its content is
 * decoded as {@code [func(a=1), ...]}. A reply that cannot be read as calls made no call: right for irrelevance,
 * wrong elsewhere.
 */
public final class BfclGrader extends NamedGrader {
    public static final String ID = "bfcl-ast";
    public static final String VERSION = "1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public BfclGrader() {
        super(ID, VERSION);
    }

    /** The content alone: a prompt-mode reply, or an FC reply that made no tool call. */
    @Override
    public Verdict grade(String response, String expected) {
        return gradeResponse(new Response(response, null, List.of(), null), expected);
    }

    @Override
    public Verdict gradeResponse(Response response, String expected) {
        BfclSpec spec;
        try {
            spec = BfclSpec.parse(expected);
        } catch (BadInputException e) {
            return verdict(false, null, expected, new BfclDetail(null, null, 0, false, e.getMessage()).toJson());
        }
        Optional<List<Call>> calls = BfclSpec.FC.equals(spec.mode()) ? nativeCalls(response.toolCalls())
                : PythonCalls.decode(response.content());
        boolean attempted = BfclSpec.FC.equals(spec.mode()) ? !response.toolCalls().isEmpty() : !response.content().isBlank();
        List<Call> made = calls.orElse(List.of());
        AstChecker.Result r;
        try {
            r = AstChecker.check(spec.kind(), spec.docs(), spec.groundTruth(), made, BfclSpec.FC.equals(spec.mode()));
        } catch (BadInputException e) {
            r = new AstChecker.Result(false, e.getMessage());
        }
        String reason = calls.isEmpty() && attempted && !r.ok() ? "reply is not a list of calls; " + r.reason() : r.reason();
        String extracted = made.isEmpty() ? null : String.join(",", made.stream().map(Call::name).toList());
        return verdict(r.ok(), extracted, expected,
                new BfclDetail(spec.category(), spec.mode(), made.size(), calls.isPresent() || !attempted, reason).toJson());
    }

    /** Native calls with their JSON arguments; empty when any call's arguments are not a JSON object. */
    static Optional<List<Call>> nativeCalls(List<ToolCall> toolCalls) {
        if (toolCalls.isEmpty()) {
            return Optional.empty();
        }
        List<Call> out = new ArrayList<>(toolCalls.size());
        for (ToolCall t : toolCalls) {
            JsonNode args;
            try {
                args = t.arguments().isBlank() ? JSON.createObjectNode() : JSON.readTree(t.arguments());
            } catch (Exception e) {
                return Optional.empty();
            }
            if (args == null || !args.isObject()) {
                return Optional.empty();
            }
            Map<String, JsonNode> m = new LinkedHashMap<>();
            args.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
            out.add(new Call(t.name(), m));
        }
        return Optional.of(out);
    }
}
