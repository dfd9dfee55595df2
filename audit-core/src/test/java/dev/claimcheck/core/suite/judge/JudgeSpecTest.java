package dev.claimcheck.core.suite.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JudgeSpecTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://localhost:8000/v1=Qwen/Qwen3-32B | http://localhost:8000/v1 | Qwen/Qwen3-32B
            sim=judge-a                             | sim                      | judge-a
            sim:accuracy=0.5,seed=3=judge-b         | sim:accuracy=0.5,seed=3  | judge-b
            """)
    void theModelFollowsTheLastEqualsSign(String spec, String baseUrl, String model) {
        assertThat(JudgeSpec.parse(spec)).isEqualTo(new JudgeSpec(baseUrl, model));
        assertThat(JudgeSpec.parse(spec).label()).isEqualTo(spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "=model", "sim="})
    void aSpecWithoutBothPartsIsRefused(String spec) {
        assertThatThrownBy(() -> JudgeSpec.parse(spec)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--judge '" + spec + "': expected BASE_URL=MODEL");
    }
}
