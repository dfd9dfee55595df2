package dev.claimcheck.core.suite.tau2;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.PromptHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A system prompt of a native τ² run, a protocol choice recorded in run.json as {@code name@sha256:<hash of the
 * template>} (the template with its one placeholder unfilled), so a resumed run with another prompt is refused. The agent's
 * prompt is upstream's composition ({@code tau2-upstream}, the default) or the policy alone ({@code policy-only}); the
 * user simulator's is upstream's guidelines read from the tau2-bench checkout ({@code tau2-upstream}) or ours
 * ({@code tau2-user-v1}). docs/workloads/tau2.md#prompts.
 */
record Tau2Prompt(String name, String template, String placeholder, boolean seesGreeting) {
    static final String UPSTREAM = "tau2-upstream";
    static final String POLICY_ONLY = "policy-only";

    /**
     * Upstream's agent instruction (src/tau2/agent/llm_agent.py {@code AGENT_INSTRUCTION}, sierra-research/tau2-bench
     * 1e7b159), restated word for word: it is the benchmark's protocol.
     */
    static final String AGENT_INSTRUCTION = """
            You are a customer service agent that helps the user according to the <policy> provided below.
            In each turn you can either:
            - Send a message to the user.
            - Make a tool call.
            You cannot do both at the same time.

            Try to be helpful and always follow the policy. Always make sure you generate valid JSON only.""";
    static final String POLICY = "{domain_policy}";
    static final String INSTRUCTIONS = "{instructions}";

    /** The guidelines file upstream's user simulator reads, by whether the user has tools. */
    static final String GUIDELINES = "simulation_guidelines.md";
    static final String GUIDELINES_TOOLS = "simulation_guidelines_tools.md";

    Tau2Prompt {
        if (template.indexOf(placeholder) < 0) {
            throw new IllegalArgumentException(name + ": its template lacks " + placeholder);
        }
    }

    /** The prompt with {@code text} in the placeholder's place (its first occurrence; the text is never re-read). */
    String compose(String text) {
        int at = template.indexOf(placeholder);
        return template.substring(0, at) + text + template.substring(at + placeholder.length());
    }

    String recorded() {
        return name + "@sha256:" + PromptHash.sha256Hex(template.getBytes(StandardCharsets.UTF_8));
    }

    /** The agent's prompt named by {@code --agent-prompt} (null: upstream's). */
    static Tau2Prompt agent(String given) {
        Map<String, Supplier<Tau2Prompt>> known = new LinkedHashMap<>();
        known.put(UPSTREAM, () -> new Tau2Prompt(UPSTREAM,
                "<instructions>\n" + AGENT_INSTRUCTION + "\n</instructions>\n<policy>\n" + POLICY + "\n</policy>", POLICY, true));
        known.put(POLICY_ONLY, () -> new Tau2Prompt(POLICY_ONLY, POLICY, POLICY, false));
        return choose("--agent-prompt", given == null ? UPSTREAM : given, known);
    }

    /**
     * The user simulator's prompt named by {@code --user-prompt}; null: upstream's when the checkout holds its guidelines
     * ({@code user_simulator/} beside {@code domains/}), else ours.
     */
    static Tau2Prompt user(String given, Path dataPath, Path domainDir, boolean userTools) {
        String file = userTools ? GUIDELINES_TOOLS : GUIDELINES;
        List<Path> places = guidelinePlaces(dataPath, domainDir, file);
        Path found = places.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        Map<String, Supplier<Tau2Prompt>> known = new LinkedHashMap<>();
        known.put(UPSTREAM, () -> {
            if (found == null) {
                throw new BadInputException("--user-prompt " + UPSTREAM + " reads upstream's user guidelines from the "
                        + "tau2-bench checkout, and there is no " + file + " (looked in " + String.join(", ",
                        places.stream().map(Path::toString).toList()) + "): give --data as a checkout's data/tau2, or "
                        + "--user-prompt " + Tau2UserSimulator.PROMPT_ID + " (ours)");
            }
            // Upstream fills <PERSONA_GUIDELINES> with the runtime persona, empty by default.
            String guidelines = Tau2Input.read(found, "user guidelines").text().replace("<PERSONA_GUIDELINES>", "");
            return new Tau2Prompt(UPSTREAM, guidelines + "\n\n<scenario>\n" + INSTRUCTIONS + "\n</scenario>", INSTRUCTIONS, true);
        });
        known.put(Tau2UserSimulator.PROMPT_ID, () -> new Tau2Prompt(Tau2UserSimulator.PROMPT_ID, Tau2UserSimulator.PROMPT, "%s", true));
        String name = given != null ? given : found != null ? UPSTREAM : Tau2UserSimulator.PROMPT_ID;
        return choose("--user-prompt", name, known);
    }

    private static List<Path> guidelinePlaces(Path dataPath, Path domainDir, String file) {
        Path dir = domainDir.toAbsolutePath().normalize();
        Path checkout = dir.getParent() != null && dir.getParent().getParent() != null ? dir.getParent().getParent() : dir;
        return List.of(dataPath.resolve("user_simulator").resolve(file), checkout.resolve("user_simulator").resolve(file))
                .stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    }

    /** {@code given} is a name, or a recorded {@code name@sha256:…} that must still be what the name composes. */
    private static Tau2Prompt choose(String option, String given, Map<String, Supplier<Tau2Prompt>> known) {
        int at = given.indexOf('@');
        String name = at < 0 ? given : given.substring(0, at);
        Supplier<Tau2Prompt> make = known.get(name);
        if (make == null) {
            throw new BadInputException(option + " " + given + ": unknown prompt '" + name + "' (known: "
                    + String.join(", ", known.keySet()) + ")");
        }
        Tau2Prompt p = make.get();
        Tau2Options.sameAsStarted(option, at < 0 ? null : given, p.recorded(), "this harness's " + name + " prompt is now ", "prompt");
        return p;
    }
}
