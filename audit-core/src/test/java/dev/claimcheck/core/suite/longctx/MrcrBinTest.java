package dev.claimcheck.core.suite.longctx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The card's bins: [4096, 8192], then (lo, hi], named by the upper bound; outside them, none. */
class MrcrBinTest {
    @ParameterizedTest(name = "{0} tokens: {1}")
    @CsvSource(textBlock = """
            4095,    ''
            4096,    8k
            8192,    8k
            8193,    16k
            131072,  128k
            131073,  256k
            1048576, 1m
            1048577, ''
            """)
    void binsAsTheCardDefinesThem(long tokens, String label) {
        assertThat(MrcrBin.of(tokens).map(b -> b.label).orElse("")).isEqualTo(label == null ? "" : label);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            mrcr-8n-128k-r17, true
            mrcr-2n-out-r1,   true
            mrcr-2n-20k-r1,   false
            lc-8192-d050-single-json-x2-0001, false
            """)
    void taskIdsCarryNeedlesBinAndRow(String id, boolean parses) {
        assertThat(MrcrTaskKey.parse(id)).as(id).matches(k -> k.isPresent() == parses);
        MrcrTaskKey.parse(id).ifPresent(k -> assertThat(k.id()).isEqualTo(id));
    }
}
