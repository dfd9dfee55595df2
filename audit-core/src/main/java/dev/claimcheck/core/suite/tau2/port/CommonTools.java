package dev.claimcheck.core.suite.tau2.port;

import static dev.claimcheck.core.suite.tau2.port.ToolSchema.string;
import static dev.claimcheck.core.suite.tau2.port.ToolSchema.tool;

/** The two tools upstream's airline and retail domains declare alike: the calculator and the transfer to a human. */
public final class CommonTools {
    private CommonTools() {
    }

    public static PortedTool calculate() {
        return PortedTool.reads(tool("calculate", "Calculate the result of a mathematical expression.")
                .param("expression", string(), "The mathematical expression to calculate, such as '2 + 2'. The expression "
                        + "can contain numbers, operators (+, -, *, /), parentheses, and spaces."),
                (db, a) -> Calculator.calculate(a.text("expression")));
    }

    /** Answers upstream's fixed text; ending the conversation is the user simulator's part, as upstream. */
    public static PortedTool transferToHumanAgents() {
        return PortedTool.reads(tool("transfer_to_human_agents", "Transfer the user to a human agent, with a summary of the "
                + "user's issue. Only transfer if\n -  the user explicitly asks for a human agent\n -  given the policy "
                + "and the available tools, you cannot solve the user's issue.")
                .param("summary", string(), "A summary of the user's issue."), (db, a) -> "Transfer successful");
    }
}
