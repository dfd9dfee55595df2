package dev.claimcheck.core.grade.ifeval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strict checks the response as given; loose also accepts it without its first/last line and without asterisks. */
class EvaluationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static IfevalSpec spec(String ids, String kwargs) throws Exception {
        return IfevalSpec.of(JSON.readTree(ids), JSON.readTree(kwargs));
    }

    static List<Boolean> strict(IfevalSpec s, String r) {
        return Evaluation.of(s, r).stream().map(Evaluation.Outcome::strict).toList();
    }

    static List<Boolean> loose(IfevalSpec s, String r) {
        return Evaluation.of(s, r).stream().map(Evaluation.Outcome::loose).toList();
    }

    @Test
    void aPreambleLineFailsStrictButPassesLoose() throws Exception {
        IfevalSpec s = spec("[\"combination:repeat_prompt\"]", "[{\"prompt_to_repeat\":\"Name a colour.\"}]");
        String r = "Sure! Here is my answer:\nName a colour. Blue.";
        assertThat(strict(s, r)).containsExactly(false);
        assertThat(loose(s, r)).containsExactly(true);
    }

    @Test
    void aClosingLineFailsStrictButPassesLoose() throws Exception {
        IfevalSpec s = spec("[\"startend:end_checker\"]", "[{\"end_phrase\":\"Is there anything else?\"}]");
        String r = "Done. Is there anything else?\nHope this helps!";
        assertThat(strict(s, r)).containsExactly(false);
        assertThat(loose(s, r)).containsExactly(true);
    }

    @Test
    void markdownEmphasisFailsStrictButPassesLoose() throws Exception {
        IfevalSpec s = spec("[\"startend:quotation\"]", "[{}]");
        String r = "**\"A quoted reply.\"**";
        assertThat(strict(s, r)).containsExactly(false);
        assertThat(loose(s, r)).containsExactly(true);
    }

    @Test
    void eachInstructionMayPassLooselyOnADifferentVariant() throws Exception {
        IfevalSpec s = spec("[\"combination:repeat_prompt\", \"startend:end_checker\"]",
                "[{\"prompt_to_repeat\":\"Say hi.\"}, {\"end_phrase\":\"Bye.\"}]");
        String r = "Intro line\nSay hi. Hi. Bye.\nOutro line";
        assertThat(strict(s, r)).containsExactly(false, false);
        assertThat(loose(s, r)).containsExactly(true, true);
    }

    @Test
    void aViolationNoVariantRepairsFailsBoth() throws Exception {
        IfevalSpec s = spec("[\"punctuation:no_comma\"]", "[{}]");
        String r = "First, line\nsecond, line\nthird, line";
        assertThat(strict(s, r)).containsExactly(false);
        assertThat(loose(s, r)).containsExactly(false);
    }

    @Test
    void anEmptyResponseFollowsNothingEvenAnInstructionItCannotBreak() throws Exception {
        IfevalSpec s = spec("[\"punctuation:no_comma\"]", "[{}]");
        assertThat(strict(s, "  \n ")).containsExactly(false);
        assertThat(loose(s, "  \n ")).containsExactly(false);
    }

    @Test
    void theEightVariantsAreUpstreams() {
        assertThat(Evaluation.variants("*a*\nb\n*c*")).containsExactly("*a*\nb\n*c*", "b\n*c*", "*a*\nb", "b",
                "a\nb\nc", "b\nc", "a\nb", "b");
    }

    @Test
    void theSpecRoundTripsThroughItsJson() throws Exception {
        IfevalSpec s = spec("[\"keywords:existence\"]", "[{\"keywords\":[\"x\"],\"num_words\":null}]");
        assertThat(s.toJson()).isEqualTo("{\"instruction_id_list\":[\"keywords:existence\"],\"kwargs\":[{\"keywords\":[\"x\"]}]}");
        assertThat(IfevalSpec.parse(s.toJson()).toJson()).isEqualTo(s.toJson());
    }
}
