package dev.claimcheck.core.fingerprint;

import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.endpoint.ChatRequest;
import dev.claimcheck.core.endpoint.EndpointAbortedException;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Fingerprint;
import dev.claimcheck.core.model.Fingerprint.Canary;
import dev.claimcheck.core.model.Fingerprint.ReasoningPlacement;
import dev.claimcheck.core.model.Fingerprint.TemplateProbe;
import dev.claimcheck.core.model.Fingerprint.ToolCallParsing;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.RunFingerprint;
import dev.claimcheck.core.model.RunManifest.EndpointRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes an endpoint's {@link Fingerprint}: the {@link ProbePlan}'s requests, one after another, through the run's own
 * client (so retries, headers and redaction are the run's). A probe that fails leaves its part absent (or
 * {@code failed}); three failures in a row, or what aborts a run (401/403, an open breaker), end the probing early,
 * leaving the rest absent.
 * Not thread-safe: one per take.
 */
public final class Fingerprinter {
    /** Failed requests in a row after which the rest are not sent: a dead endpoint costs 3 requests' retries, not 14. */
    static final int GIVE_UP_AFTER = 3;

    private final ChatEndpoint endpoint;
    private final String model;
    private final TokenizerFamilies families;
    private int requests;
    private int failed;
    private long promptTokens;
    private long completionTokens;
    private boolean aborted;
    private int consecutiveFailures;

    private Fingerprinter(ChatEndpoint endpoint, String model, TokenizerFamilies families) {
        this.endpoint = endpoint;
        this.model = model;
        this.families = families;
    }

    /**
     * @param described what {@link ChatEndpoint#describe()} returned at this moment
     * @param model the model id sent in every probe
     */
    public static Fingerprint take(ChatEndpoint endpoint, EndpointRef described, String model, Clock clock) {
        String at = clock.instant().toString();
        return new Fingerprinter(endpoint, model, TokenizerFamilies.bundled()).probe(described, at);
    }

    /** The endpoint as described, with the fingerprint taken before a run's first request. */
    public static EndpointRef atStart(ChatEndpoint endpoint, EndpointRef described, String model, Clock clock) {
        return described.withFingerprint(new RunFingerprint(take(endpoint, described, model, clock), null));
    }

    /**
     * The recorded endpoint with the fingerprint after a run's last request beside the one taken at its start, so
     * verify can tell a swap mid-run; a run that started without one gets none.
     */
    public static EndpointRef atEnd(ChatEndpoint endpoint, EndpointRef recorded, String model, Clock clock) {
        RunFingerprint taken = recorded == null ? null : recorded.fingerprint();
        if (taken == null || taken.start() == null) {
            return recorded;
        }
        return recorded.withFingerprint(taken.withEnd(take(endpoint, endpoint.describe(), model, clock)));
    }

    private Fingerprint probe(EndpointRef described, String at) {
        Optional<Long> baseline = promptTokens(List.of(ChatMessage.user(families.baseline())));
        Map<String, Long> deltas = new LinkedHashMap<>();
        Map<String, Long> absolute = new LinkedHashMap<>();
        families.probes().forEach((id, text) -> promptTokens(List.of(ChatMessage.user(text))).ifPresent(n -> {
            absolute.put(id, n);
            baseline.ifPresent(b -> deltas.put(id, n - b));
        }));
        Long system = promptTokens(List.of(ChatMessage.system(ProbePlan.SYSTEM), ChatMessage.user(families.baseline())))
                .flatMap(n -> baseline.map(b -> n - b)).orElse(null);
        Long instruction = absolute.get(ProbePlan.TOOL_INSTRUCTION_PROBE);
        String instructionText = families.probes().get(ProbePlan.TOOL_INSTRUCTION_PROBE);
        Optional<ChatOutcome.Success> tool = send(Requests.withTools(model, ProbePlan.TOOL_MAX_TOKENS, instructionText));
        Long tools = tool.filter(s -> instruction != null).map(s -> s.usage().promptTokens() - instruction).orElse(null);
        ToolCallParsing toolCalls = tool.map(s -> toolCalls(s.response())).orElse(ToolCallParsing.FAILED);
        ReasoningPlacement reasoning = send(Requests.thinking(model, ProbePlan.THINKING_MAX_TOKENS, ProbePlan.THINKING_PROMPT))
                .map(s -> reasoning(s.response())).orElse(ReasoningPlacement.FAILED);
        List<Canary> canaries = new ArrayList<>();
        ProbePlan.CANARIES.forEach((id, prompt) -> canaries.add(new Canary(id,
                send(Requests.plain(model, ProbePlan.CANARY_MAX_TOKENS, List.of(ChatMessage.user(prompt))))
                        .map(s -> sha256(s.response())).orElse(null))));
        return new Fingerprint(at, ServedInfo.of(described, model), families.match(deltas),
                new TemplateProbe(system, tools, reasoning, toolCalls), canaries,
                new Fingerprint.Cost(requests, failed, promptTokens, completionTokens));
    }

    /** The prompt tokens the server reports for {@code messages}, or empty when it failed or reported none. */
    private Optional<Long> promptTokens(List<ChatMessage> messages) {
        return send(Requests.plain(model, ProbePlan.COUNT_MAX_TOKENS, messages)).map(s -> s.usage().promptTokens())
                .filter(n -> n > 0);
    }

    private Optional<ChatOutcome.Success> send(ChatRequest request) {
        if (aborted || consecutiveFailures >= GIVE_UP_AFTER) {
            return Optional.empty();
        }
        requests++;
        ChatOutcome outcome;
        try {
            outcome = endpoint.complete(request);
        } catch (EndpointAbortedException e) {
            // 401/403 or an open breaker: the run's first attempt meets the same and stops resumably; the fingerprint
            // keeps what it measured and sends nothing more.
            aborted = true;
            failed++;
            return Optional.empty();
        }
        if (outcome.usage() != null) {
            promptTokens += outcome.usage().promptTokens();
            completionTokens += outcome.usage().completionTokens();
        }
        if (outcome instanceof ChatOutcome.Success s) {
            consecutiveFailures = 0;
            return Optional.of(s);
        }
        consecutiveFailures++;
        failed++;
        return Optional.empty();
    }

    static ToolCallParsing toolCalls(Response r) {
        if (!r.toolCalls().isEmpty()) {
            return ToolCallParsing.NATIVE;
        }
        String c = r.content();
        if (c.contains("<tool_call>") || c.contains("\"name\"") && c.contains(ProbePlan.TOOL_NAME)) {
            return ToolCallParsing.CONTENT_MARKUP;
        }
        return ToolCallParsing.NONE;
    }

    static ReasoningPlacement reasoning(Response r) {
        // The client splits think tags off the content when no reasoning field came (endpoint.ThinkTags) and says so.
        if (r.reasoningSplit() || r.content().contains("<think>") || r.content().contains("</think>")) {
            return ReasoningPlacement.CONTENT_TAGS;
        }
        return r.reasoning() != null && !r.reasoning().isBlank() ? ReasoningPlacement.FIELD : ReasoningPlacement.NONE;
    }

    /** SHA-256 of the content, a NUL and the reasoning: a thinking model cut at max_tokens still has a stable answer. */
    static String sha256(Response r) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(r.content().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update((r.reasoning() == null ? "" : r.reasoning()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
