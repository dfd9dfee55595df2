package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Gaia2 answer rule: the answer call's content (or a plain final reply) equals the oracle's after normalisation. */
class Gaia2AnswerGraderTest {
    final Gaia2AnswerGrader grader = new Gaia2AnswerGrader();

    static Response answering(String argumentsJson) {
        return new Response("", null, List.of(new ToolCall("c1", Gaia2AnswerGrader.ANSWER_TOOL, argumentsJson)), "tool_calls");
    }

    @Test
    void caseSpacingQuotesAndAFinalFullStopDoNotMatter() {
        for (String reply : List.of("Tallinn", "tallinn", "  TALLINN. ", "\"Tallinn\"", "`Tallinn`", "<think>maybe Riga</think>Tallinn")) {
            assertThat(grader.grade(reply, "Tallinn").correct()).as(reply).isTrue();
        }
        assertThat(grader.grade("Mirela   Okafor", "Mirela Okafor").correct()).isTrue();
        assertThat(grader.grade("ｔａｌｌｉｎｎ", "Tallinn").correct()).as("NFKC folds full-width letters").isTrue();
    }

    @Test
    void anythingElseInTheAnswerIsADifferentAnswer() {
        Verdict v = grader.grade("The answer is Tallinn.", "Tallinn");
        assertThat(v.correct()).isFalse();
        assertThat(v.detail()).isEqualTo(Gaia2AnswerGrader.DIFFERENT);
        assertThat(grader.grade("Riga", "Tallinn").correct()).isFalse();
        assertThat(grader.grade("Tallinn, Estonia", "Tallinn").correct()).isFalse();
    }

    @Test
    void numbersAreEqualWhenTheirValuesAre() {
        assertThat(grader.grade("14.0", "14").correct()).isTrue();
        assertThat(grader.grade("1,200", "1200").correct()).isTrue();
        assertThat(grader.grade("15", "14").correct()).isFalse();
        assertThat(grader.grade("1,20", "120").correct()).as("not a thousands separator").isFalse();
    }

    @Test
    void theAnswerIsTheContentOfTheAnswerCall() {
        assertThat(grader.gradeResponse(answering("{\"content\": \"Tallinn\"}"), "Tallinn").correct()).isTrue();
        assertThat(grader.gradeResponse(answering("{\"content\": \"Riga\"}"), "Tallinn").correct()).isFalse();
        Verdict notObject = grader.gradeResponse(answering("[\"Tallinn\"]"), "Tallinn");
        assertThat(notObject.correct()).isFalse();
        assertThat(notObject.detail()).startsWith(Gaia2AnswerGrader.NO_ANSWER);
    }

    @Test
    void aLastTurnThatOnlySearchedHasNoAnswerEvenIfItsTextHoldsIt() {
        Response searching = new Response("Tallinn", null, List.of(new ToolCall("c1", "search", "{\"query\": \"Lumora\"}")),
                "tool_calls");
        Verdict v = grader.gradeResponse(searching, "Tallinn");
        assertThat(v.correct()).isFalse();
        assertThat(v.detail()).isEqualTo(Gaia2AnswerGrader.NO_ANSWER + ": the last turn called tools and did not answer");
        assertThat(grader.gradeResponse(new Response("Tallinn", null, List.of(), "stop"), "Tallinn").correct())
                .as("a final reply without tool calls answers with its content").isTrue();
        assertThat(grader.grade("   ", "Tallinn").detail()).isEqualTo(Gaia2AnswerGrader.NO_ANSWER + ": empty");
    }
}
