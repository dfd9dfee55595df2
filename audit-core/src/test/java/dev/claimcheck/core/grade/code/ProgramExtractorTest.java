package dev.claimcheck.core.grade.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgramExtractorTest {
    @Test
    void theLastBlockInTheLanguageIsChosenAndTheChoiceRecorded() {
        Extraction e = ProgramExtractor.extract("""
                First try:
                ```python
                print(1)
                ```
                Better:
                ```python
                print(2)
                ```
                And in Java:
                ```java
                class A {}
                ```
                """, "python");
        assertThat(e.program()).isEqualTo("print(2)\n");
        assertThat(e.choice()).isEqualTo("last ```python block (2 of 3 blocks)");
    }

    @Test
    void anUntaggedBlockIsUsedOnlyWithoutATaggedOne() {
        Extraction e = ProgramExtractor.extract("```\nprint(3)\n```", "python");
        assertThat(e.program()).isEqualTo("print(3)\n");
        assertThat(e.choice()).startsWith("last untagged block");
    }

    @Test
    void aProgramInTheWrongLanguageIsNoProgram() {
        Extraction e = ProgramExtractor.extract("```java\nclass A {}\n```", "python");
        assertThat(e.program()).isNull();
        assertThat(e.choice()).isEqualTo("no ```python block (found: java)");
    }

    @Test
    void noBlockAtAll() {
        assertThat(ProgramExtractor.extract("print(1)", "python").choice()).isEqualTo("no fenced code block");
        assertThat(ProgramExtractor.extract("", "python").choice()).isEqualTo("empty response");
    }
}
