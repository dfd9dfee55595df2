package dev.claimcheck.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptHashTest {
    @Test
    void fieldBoundariesMatter() {
        assertThat(PromptHash.of(List.of(ChatMessage.user("ab"), ChatMessage.user("c"))))
                .isNotEqualTo(PromptHash.of(List.of(ChatMessage.user("a"), ChatMessage.user("bc"))));
    }

    @Test
    void rolesMatter() {
        assertThat(PromptHash.of(List.of(ChatMessage.user("x"))))
                .isNotEqualTo(PromptHash.of(List.of(ChatMessage.system("x"))));
    }

    @Test
    void isAStableSha256Hex() {
        String h = PromptHash.of(List.of(ChatMessage.user("What is 2+2?")));
        assertThat(h).matches("[0-9a-f]{64}").isEqualTo(PromptHash.of(List.of(ChatMessage.user("What is 2+2?"))));
    }
}
