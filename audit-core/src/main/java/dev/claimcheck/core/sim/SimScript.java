package dev.claimcheck.core.sim;

import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.tokens.Tokenizer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulator will send for one request: the fault (if any), the reasoning and content tokens, the
 * finish reason and the usage. Every choice is a pure function of (seed, prompt hash, attempt, retry), so
 * concurrency, ordering and resume cannot change it. Correctness ignores the retry index on purpose: a retried
 * request may draw a different fault, but it answers the same way, as a real model at fixed sampling would
 * be expected to on average.
 */
final class SimScript {
    private static final String[] FILLER = ("Let us work through the problem carefully and check each step before we "
            + "commit to a result so that nothing is missed along the way").split(" ");
    private static final String[] THOUGHT = ("Hmm first restate what is asked then consider the cases one by one and "
            + "verify the arithmetic twice before answering").split(" ");

    private static final Tokenizer PROMPT_TOKENIZER = Tokenizer.named(Tokenizer.DEFAULT);
    /** Prompt token counts by prompt hash: k attempts and every retry send the same prompt, and BPE is not free. */
    private static final Map<String, Long> PROMPT_TOKENS = new ConcurrentHashMap<>();
    private static final int PROMPT_TOKENS_MAX = 1 << 16;
    /** ChatML's {@code <|im_start|>role\n ... <|im_end|>\n} around a message, and {@code <|im_start|>assistant\n}. */
    private static final int CHATML_PER_MESSAGE = 4;
    private static final int CHATML_PRIMING = 3;

    final String promptSha256;
    final int attempt;
    final int retry;
    final SimFault fault;
    final List<String> reasoning;
    final List<String> content;
    /** Tool calls after the content (an agent policy's turn); each counts as one completion token. */
    final List<ToolCall> toolCalls;
    final String finishReason;
    final long promptTokens;
    /** The message/delta field the reasoning goes in: {@code reasoning_content}, or {@code reasoning} (current vLLM). */
    final String reasoningField;

    private SimScript(String promptSha256, int attempt, int retry, SimFault fault, List<String> reasoning,
                      List<String> content, List<ToolCall> toolCalls, String finishReason, long promptTokens,
                      String reasoningField) {
        this.promptSha256 = promptSha256;
        this.attempt = attempt;
        this.retry = retry;
        this.fault = fault;
        this.reasoning = reasoning;
        this.content = content;
        this.toolCalls = toolCalls;
        this.finishReason = finishReason;
        this.promptTokens = promptTokens;
        this.reasoningField = reasoningField;
    }

    /**
     * What a request asks of its answer besides the messages.
     *
     * @param maxTokens max_tokens / max_completion_tokens, or null
     * @param minTokens vLLM's {@code min_tokens}, or {@code max_tokens} under {@code ignore_eos}: content grows with filler
     * @param choice which of the request's {@code n} choices (0 draws exactly as a request without {@code n})
     * @param stop stop strings: the content ends before the first one, finish reason "stop"
     * @param json whether {@code response_format} asks for JSON (json_object or json_schema)
     * @param schema the json_schema's schema (null: any JSON object)
     * @param tools the request's tool list (null: none); a {@link SimTemplate#CHATML} template counts it
     */
    record Ask(Integer maxTokens, int minTokens, int choice, List<String> stop, boolean json,
               com.fasterxml.jackson.databind.JsonNode schema, com.fasterxml.jackson.databind.JsonNode tools) {
        Ask {
            stop = stop == null ? List.of() : List.copyOf(stop);
        }

        /** Without a tool list. */
        Ask(Integer maxTokens, int minTokens, int choice, List<String> stop, boolean json,
            com.fasterxml.jackson.databind.JsonNode schema) {
            this(maxTokens, minTokens, choice, stop, json, schema, null);
        }

        static Ask of(Integer maxTokens, int minTokens) {
            return new Ask(maxTokens, minTokens, 0, List.of(), false, null);
        }
    }

    /**
     * Plans the answer. {@code maxTokens} (from the request, or null) cuts reasoning first, then content, and makes
     * the finish reason "length", as a real server does.
     */
    static SimScript plan(SimOptions o, SimOracle oracle, List<ChatMessage> messages, int attempt, int retry,
                          Integer maxTokens) {
        return plan(o, oracle, messages, attempt, retry, Ask.of(maxTokens, 0));
    }

    /** As above, with vLLM's {@code min_tokens}. */
    static SimScript plan(SimOptions o, SimOracle oracle, List<ChatMessage> messages, int attempt, int retry,
                          Integer maxTokens, int minTokens) {
        return plan(o, oracle, messages, attempt, retry, Ask.of(maxTokens, minTokens));
    }

    static SimScript plan(SimOptions o, SimOracle oracle, List<ChatMessage> messages, int attempt, int retry, Ask ask) {
        Integer maxTokens = ask.maxTokens();
        int minTokens = ask.minTokens();
        // Choice 0 keeps the draw names of a single-choice request, so n=1 answers exactly as before n existed.
        String correctDraw = ask.choice() == 0 ? "correct" : "correct." + ask.choice();
        String sha = PromptHash.of(messages);
        SimFault fault = null;
        if (o.faults() > 0 && unit(o.seed(), sha, attempt, retry, "fault") < o.faults()) {
            List<SimFault> kinds = o.faultList();
            fault = kinds.get((int) Math.floorMod(draw(o.seed(), sha, attempt, retry, "kind"), (long) kinds.size()));
        }
        List<String> content = new ArrayList<>();
        List<String> sentence = new ArrayList<>();
        List<ChatMessage> opening = opening(messages);
        String openingSha = opening.size() == messages.size() ? sha : PromptHash.of(opening);
        // The exact prompt first: a conversation keyed whole (MRCR's, or a turn of a simulated user told per prompt what
        // to say) wins over its opening, which keys a scripted agent for every turn of its episode.
        var entry = oracle.lookup(sha);
        if (entry.isEmpty() && !openingSha.equals(sha)) {
            entry = oracle.lookup(openingSha);
        }
        List<ToolCall> calls = new ArrayList<>();
        boolean verbatim = false;
        if (entry.isPresent() && entry.get() instanceof OracleEntry.VerbatimReply reply) {
            boolean correct = unit(o.seed(), sha, attempt, -1, correctDraw) < o.accuracy();
            sentence.addAll(List.of((correct ? reply.correct() : reply.wrong()).split(" ", -1)));
            verbatim = true;
        } else if (entry.isPresent() && entry.get() instanceof OracleEntry.ToolCallReply reply) {
            boolean correct = unit(o.seed(), sha, attempt, -1, correctDraw) < o.accuracy();
            List<ToolCall> chosen = correct ? reply.correct() : reply.wrong();
            calls.addAll(chosen);
            if (chosen.isEmpty()) {
                sentence.addAll(List.of(reply.text().split(" ", -1)));
            }
            verbatim = true; // no filler: a tool-calling turn has empty content
        } else if (entry.isPresent() && entry.get() instanceof OracleEntry.AgentScript agent) {
            // One draw per episode (retry ignored): the policy follows one script through every turn.
            boolean reference = unit(o.seed(), openingSha, attempt, -1, correctDraw) < o.accuracy();
            List<ToolCall> script = reference ? agent.reference() : agent.mistake();
            int turn = (int) messages.subList(opening.size(), messages.size()).stream().filter(m -> m.role().equals("assistant")).count();
            if (turn < script.size()) {
                calls.add(script.get(turn));
                sentence.addAll(words("Calling " + script.get(turn).name() + "."));
            } else {
                sentence.addAll(words(agent.closing()));
            }
        } else if (entry.isPresent() && entry.get() instanceof OracleEntry.FinalAnswer fa) {
            boolean correct = unit(o.seed(), sha, attempt, -1, correctDraw) < o.accuracy();
            String answer = correct ? fa.correct() : fa.wrong();
            sentence.addAll(words("The answer is \\boxed{" + answer + "}."));
        } else if (entry.isPresent() && entry.get() instanceof OracleEntry.Program program) {
            boolean correct = unit(o.seed(), sha, attempt, -1, correctDraw) < o.accuracy();
            String code = correct ? program.correct() : program.wrong();
            sentence.addAll(words("Here is the program:"));
            // One token for the whole block, so its newlines and indentation survive the space-joined stream.
            sentence.add("\n```" + program.language() + "\n" + (code.endsWith("\n") ? code : code + "\n") + "```\n");
        } else if (entry.isPresent() && entry.get() instanceof OracleEntry.PlainAnswer plain) {
            double p = o.accuracy() * (1 - o.depthDecay() * plain.depth());
            boolean correct = unit(o.seed(), sha, attempt, -1, correctDraw) < p;
            // One token on a line of its own, so the answer's spacing and line survive the space-joined stream.
            sentence.add("\n" + (correct ? plain.correct() : plain.wrong()));
        }
        // The final sentence always fits: outputTokens grows to its length if it is shorter.
        int fillerCount = verbatim ? 0 : Math.max(0, Math.max(o.outputTokens(), minTokens - o.reasoningTokens()) - sentence.size());
        for (int i = 0; i < fillerCount; i++) {
            content.add(FILLER[i % FILLER.length]);
        }
        content.addAll(sentence);
        List<String> reasoning = new ArrayList<>();
        for (int i = 0; i < o.reasoningTokens(); i++) {
            reasoning.add(THOUGHT[i % THOUGHT.length]);
        }
        if (o.identity().template() == SimTemplate.THINK_IN_CONTENT && !reasoning.isEmpty()) {
            // No reasoning parser: the thinking arrives as text at the start of the content.
            List<String> leaked = new ArrayList<>(List.of("<think>"));
            leaked.addAll(reasoning);
            leaked.add("</think>");
            leaked.addAll(content);
            content = leaked;
            reasoning = new ArrayList<>();
        }
        if (ask.json() && !verbatim) {
            // The same words as one JSON document, split at its spaces so joining the tokens gives it back exactly.
            content = new ArrayList<>(List.of(SimJson.instance(ask.schema(), join(content)).split(" ", -1)));
        }
        String finish = calls.isEmpty() ? "stop" : "tool_calls";
        List<String> stopped = cutAtStop(content, ask.stop());
        if (stopped != null) {
            content = stopped;
            calls.clear(); // generation ended at the stop string, before any call
            finish = "stop";
        }
        if (maxTokens != null && maxTokens >= 0 && maxTokens < reasoning.size() + content.size() + calls.size()) {
            finish = "length";
            int keepReasoning = Math.min(maxTokens, reasoning.size());
            int keepContent = Math.min(maxTokens - keepReasoning, content.size());
            reasoning = new ArrayList<>(reasoning.subList(0, keepReasoning));
            content = new ArrayList<>(content.subList(0, keepContent));
            calls = new ArrayList<>(calls.subList(0, maxTokens - keepReasoning - keepContent));
        }
        if (o.dropToolCalls() && !calls.isEmpty()) {
            // A server whose tool-call parser swallows the calls: no tool_calls and no content, the finish reason kept.
            calls.clear();
            content = new ArrayList<>();
        }
        // Prompt tokens over the message contents in the impersonated tokenizer (default: the harness's), plus the
        // impersonated template's tokens (none for plain), so a generated prompt of N target tokens reports N prompt
        // tokens by default, as a real server would roughly do.
        long promptTokens = promptTokens(o.identity(), sha, messages, ask.tools());
        return new SimScript(sha, attempt, retry, fault, List.copyOf(reasoning), List.copyOf(content), List.copyOf(calls),
                finish, promptTokens, o.identity().template().reasoningField());
    }

    /**
     * The content tokens before the earliest occurrence of any stop string (which is not sent, as OpenAI and vLLM
     * do), or null when none occurs. A token the stop string starts inside keeps its part before it.
     */
    static List<String> cutAtStop(List<String> tokens, List<String> stops) {
        String text = join(tokens);
        int at = -1;
        for (String stop : stops) {
            int i = stop.isEmpty() ? -1 : text.indexOf(stop);
            if (i >= 0 && (at < 0 || i < at)) {
                at = i;
            }
        }
        if (at < 0) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        int pos = 0; // where token i's own text starts in the joined text
        for (int i = 0; i < tokens.size(); i++) {
            pos += i == 0 ? 0 : 1;
            String t = tokens.get(i);
            if (pos + t.length() <= at) {
                kept.add(t);
            } else {
                if (pos < at || (i > 0 && pos == at)) {
                    kept.add(t.substring(0, at - pos)); // "" keeps the space before a stop that starts this token
                }
                break;
            }
            pos += t.length();
        }
        return kept;
    }

    /**
     * The conversation's opening: every message before the first assistant turn that follows a user's message. The
     * harness keys an agent's oracle entry by it, so a conversation that grows every turn still finds its entry, from
     * the messages alone.
     */
    static List<ChatMessage> opening(List<ChatMessage> messages) {
        boolean userSpoke = false; // an assistant message before any user's is the prompt's own (τ²'s scripted greeting)
        for (int i = 0; i < messages.size(); i++) {
            userSpoke |= messages.get(i).role().equals("user");
            if (userSpoke && messages.get(i).role().equals("assistant")) {
                return messages.subList(0, i);
            }
        }
        return messages;
    }

    private static long promptTokens(SimIdentity identity, String sha, List<ChatMessage> messages,
                                     com.fasterxml.jackson.databind.JsonNode tools) {
        SimTemplate template = identity.template();
        String key = identity.tokenizer() + "/" + template.id() + "/" + sha
                + (tools == null || template != SimTemplate.CHATML ? "" : "/" + tools.hashCode());
        Long cached = PROMPT_TOKENS.get(key);
        if (cached != null) {
            return cached;
        }
        Tokenizer tokenizer = identity.tokenizer().equals(Tokenizer.DEFAULT) ? PROMPT_TOKENIZER : Tokenizer.named(identity.tokenizer());
        long count = 0;
        for (ChatMessage m : messages) {
            if (template == SimTemplate.DROPS_SYSTEM && m.role().equals("system")) {
                continue;
            }
            count += m.content() == null ? 0 : tokenizer.count(m.content());
            count += template == SimTemplate.CHATML ? CHATML_PER_MESSAGE : 0;
        }
        if (template == SimTemplate.CHATML) {
            count += CHATML_PRIMING + (tools == null ? 0 : tokenizer.count(tools.toString()));
        }
        if (PROMPT_TOKENS.size() >= PROMPT_TOKENS_MAX) {
            PROMPT_TOKENS.clear(); // bounded: a long-running simulator must not grow without end
        }
        PROMPT_TOKENS.put(key, count);
        return count;
    }

    int completionTokens() {
        return reasoning.size() + content.size() + toolCalls.size();
    }

    /** The text of token {@code i} of a list: words are separated by one space, so a token is one chunk and one word. */
    static String piece(List<String> tokens, int i) {
        return i == 0 ? tokens.get(0) : " " + tokens.get(i);
    }

    static String join(List<String> tokens) {
        return String.join(" ", tokens);
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** A uniform draw in [0, 1) from the inputs alone. */
    static double unit(long seed, String sha, int attempt, int retry, String purpose) {
        return (draw(seed, sha, attempt, retry, purpose) >>> 11) * 0x1.0p-53;
    }

    static long draw(long seed, String sha, int attempt, int retry, String purpose) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(ByteBuffer.allocate(16).putLong(seed).putInt(attempt).putInt(retry).array());
            d.update(sha.getBytes(StandardCharsets.US_ASCII));
            d.update((byte) 0);
            d.update(purpose.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.wrap(d.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
