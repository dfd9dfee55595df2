package dev.claimcheck.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelSlugTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            inclusionAI/Ring-2.5-1T, inclusionai--ring-2.5-1t
            qwen3:8b,                qwen3-8b
            sim,                     sim
            'a b/c d',               a-b--c-d
            Ünïcode/Model,           -n-code--model
            """)
    void followsTheArchitectureRule(String id, String slug) {
        assertThat(ModelSlug.of(id)).isEqualTo(slug);
    }

    @ParameterizedTest
    @CsvSource({"''", "'  '", "'..'"})
    void refusesIdsThatMakeNoFolder(String id) {
        assertThatThrownBy(() -> ModelSlug.of(id)).isInstanceOf(IllegalArgumentException.class);
    }
}
