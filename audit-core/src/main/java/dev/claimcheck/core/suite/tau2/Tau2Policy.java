package dev.claimcheck.core.suite.tau2;

import dev.claimcheck.core.model.PromptHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The policy a native run gives the agent, read as the domain ships it: {@code policy.md} (airline, retail), or
 * telecom's {@code main_policy.md} with its {@code tech_support_manual.md}, composed as upstream's telecom environment
 * composes them for its default ("manual") policy: each inside its own tag, {@code <main_policy>} then
 * {@code <tech_support_policy>} (src/tau2/domains/telecom/environment.py, {@code get_environment}).
 *
 * @param hash the policy as sent (for a composed one: its name joins the two files', its sha256 is the composed text's)
 * @param files every file read, each hashed as shipped
 */
record Tau2Policy(String text, Tau2Input hash, List<Tau2Input> files) {
    static final String MAIN = "main_policy.md";
    static final String MANUAL = "tech_support_manual.md";

    /** The domain's policy, or empty when it ships neither form. */
    static Optional<Tau2Policy> find(Path dir) {
        if (Files.isRegularFile(dir.resolve("policy.md"))) {
            Tau2Input.Read p = Tau2Input.read(dir.resolve("policy.md"), "policy");
            return Optional.of(new Tau2Policy(p.text(), p.hash(), List.of(p.hash())));
        }
        if (Files.isRegularFile(dir.resolve(MAIN)) && Files.isRegularFile(dir.resolve(MANUAL))) {
            Tau2Input.Read main = Tau2Input.read(dir.resolve(MAIN), "policy");
            Tau2Input.Read manual = Tau2Input.read(dir.resolve(MANUAL), "policy");
            String text = "<main_policy>\n" + main.text() + "\n</main_policy>\n<tech_support_policy>\n" + manual.text()
                    + "\n</tech_support_policy>";
            Tau2Input composed = new Tau2Input("policy", MAIN + "+" + MANUAL, PromptHash.sha256Hex(text));
            return Optional.of(new Tau2Policy(text, composed, List.of(main.hash(), manual.hash())));
        }
        return Optional.empty();
    }
}
