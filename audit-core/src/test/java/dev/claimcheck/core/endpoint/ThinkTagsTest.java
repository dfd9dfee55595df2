package dev.claimcheck.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.tokens.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reasoning an engine left in the content between think tags is split off by the client, and says so. */
class ThinkTagsTest {
    @Test
    void aThinkSectionBeforeTheAnswerIsTheReasoning() {
        assertThat(ThinkTags.split("  <think>a thought</think>\n\nthe answer"))
                .isEqualTo(new ThinkTags("a thought", "the answer"));
    }

    @Test
    void onlyTheClosingTagMeansTheTemplateOpenedTheSectionInThePrompt() {
        assertThat(ThinkTags.split("a thought\n</think>\nthe answer")).isEqualTo(new ThinkTags("a thought\n", "the answer"));
    }

    @Test
    void anUnclosedSectionAtTheStartHoldsEverythingTheAnswerNeverCame() {
        assertThat(ThinkTags.split("<think>thinking until max_tokens")).isEqualTo(new ThinkTags("thinking until max_tokens", ""));
    }

    @Test
    void theLastClosingTagEndsTheReasoning() {
        assertThat(ThinkTags.split("<think>one</think>two</think>three")).isEqualTo(new ThinkTags("one</think>two", "three"));
    }

    @Test
    void contentWithoutTagsOrWithAnOpeningTagLaterIsLeftAlone() {
        assertThat(ThinkTags.split("the answer is 4")).isNull();
        assertThat(ThinkTags.split("I would write <think> here")).isNull();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anEngineWithoutAReasoningParserGetsItsReasoningSplitCountedAndMarked(boolean openingInPrompt) throws Exception {
        try (ThinkInContentServer s = new ThinkInContentServer(openingInPrompt);
             OpenAiChatEndpoint c = OpenAiChatEndpointTest.client(s.baseUrl(), 0)) {
            ChatOutcome.Success ok = (ChatOutcome.Success) c.complete(OpenAiChatEndpointTest.request());
            assertThat(ok.response().content()).isEqualTo(ThinkInContentServer.ANSWER);
            assertThat(ok.response().reasoning().strip()).isEqualTo(ThinkInContentServer.THOUGHT);
            assertThat(ok.response().reasoningSplit()).isTrue();
            assertThat(ok.usage().reasoningTokens()).isEqualTo(Tokenizer.named(Tokenizer.DEFAULT).count(ok.response().reasoning()));
            assertThat(ok.usage().reasoningCounted()).isTrue();
            assertThat(ok.timing().firstContentMs()).as("the answer came after the thought")
                    .isGreaterThanOrEqualTo(ok.timing().ttftMs());
        }
    }

    @Test
    void aParsedReasoningFieldIsNotMarkedAsSplit() throws Exception {
        try (ReasoningParserServer s = new ReasoningParserServer();
             OpenAiChatEndpoint c = OpenAiChatEndpointTest.client(s.baseUrl(), 0)) {
            ChatOutcome.Success ok = (ChatOutcome.Success) c.complete(OpenAiChatEndpointTest.request());
            assertThat(ok.response().reasoningSplit()).isFalse();
        }
    }
}
