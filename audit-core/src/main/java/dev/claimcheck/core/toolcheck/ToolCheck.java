package dev.claimcheck.core.toolcheck;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.endpoint.ChatRequest;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.run.Endpoints;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.sim.SimOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends the same tool-calling probes to N endpoints serving one model and reports each against the first
 * (docs/toolcheck.md). Requests go one at a time, through the harness's endpoint client (its retries included), so
 * the endpoints are compared under the same client behaviour; one uncounted warm-up request goes first.
 */
public final class ToolCheck {
    static final String NO_CALL_TEXT = "I can answer that without a tool.";

    /**
     * What to send and where.
     *
     * @param baseUrls two or more base URLs (or {@code sim[:k=v,...]}); the first is the reference
     * @param body fields laid over every request (model, max_tokens, temperature)
     * @param apiKey the key sent to real endpoints, or null
     */
    public record Spec(List<String> baseUrls, String model, int repeats, long seed, ObjectNode body, String apiKeyEnv,
                       String apiKey, Map<String, String> headers, int maxRetries) {
        public Spec {
            baseUrls = List.copyOf(baseUrls);
            if (baseUrls.size() < 2) {
                throw new BadInputException("toolcheck needs at least two --base-url (the first is the reference), got " + baseUrls.size());
            }
            if (repeats < 1 || repeats > 100) {
                throw new BadInputException("--repeats must be between 1 and 100, got " + repeats);
            }
            headers = Map.copyOf(headers);
        }
    }

    private ToolCheck() {
    }

    public static ToolCheckReport run(Spec spec) {
        return run(spec, ToolProbes.ALL);
    }

    static ToolCheckReport run(Spec spec, List<ToolProbe> probes) {
        List<List<ProbeReply>> replies = new ArrayList<>();
        boolean simulated = false;
        for (String url : spec.baseUrls()) {
            simulated |= SimOptions.isSim(url);
            replies.add(send(spec, url, probes));
        }
        List<EndpointReport> reports = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            reports.add(EndpointFigures.of(spec.baseUrls().get(i), i == 0, probes, replies.get(i), replies.get(0)));
        }
        return new ToolCheckReport(simulated, spec.model(), probes.size(), spec.repeats(), reports);
    }

    private static List<ProbeReply> send(Spec spec, String url, List<ToolProbe> probes) {
        List<ProbeReply> out = new ArrayList<>();
        boolean sim = SimOptions.isSim(url);
        try (Endpoints.Opened opened = Endpoints.open(url, Lane.INSTANT, spec.seed(), "openai", spec.apiKeyEnv(),
                sim ? null : spec.apiKey(), sim ? Map.of() : spec.headers(), spec.maxRetries())) {
            // One uncounted request first, so a cold start (a server's, or the simulator's tokenizer loading) is not
            // taken for a failure or counted in the latency.
            opened.endpoint().complete(new ChatRequest(List.of(ChatMessage.user("Say OK.")), body(spec), 0));
            for (ToolProbe p : probes) {
                if (opened.oracle() != null) {
                    opened.oracle().put(PromptHash.of(p.messages()), scripted(p));
                }
                ObjectNode body = body(spec);
                body.set("tools", p.tools());
                for (int a = 0; a < spec.repeats(); a++) {
                    out.add(ProbeReply.of(p, a, opened.endpoint().complete(new ChatRequest(p.messages(), body, a))));
                }
            }
        }
        return out;
    }

    /** The body of every request: the spec's fields, and the model unless they name one. */
    private static ObjectNode body(Spec spec) {
        ObjectNode body = spec.body().deepCopy();
        if (!body.has("model")) {
            body.put("model", spec.model() == null ? "sim" : spec.model());
        }
        return body;
    }

    /**
     * The simulator's script for a probe: its reference calls; the wrong reply (at 1 − accuracy) calls the first
     * tool with empty arguments, which breaks a schema with required parameters.
     */
    static OracleEntry scripted(ToolProbe p) {
        String first = p.tools().get(0).at("/function/name").asText();
        List<ToolCall> wrong = List.of(new ToolCall(null, first, "{}"));
        return p.expectsCall() ? new OracleEntry.ToolCallReply(p.reference(), wrong, NO_CALL_TEXT)
                : new OracleEntry.ToolCallReply(List.of(), wrong, NO_CALL_TEXT);
    }

    /** The fields every request carries unless {@code --body} says otherwise: deterministic sampling, a modest budget. */
    public static ObjectNode defaultBody(int maxTokens) {
        return JsonNodeFactory.instance.objectNode().put("max_tokens", maxTokens).put("temperature", 0);
    }
}
