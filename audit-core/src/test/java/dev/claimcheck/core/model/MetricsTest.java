package dev.claimcheck.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.store.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** run.json's {@code metrics}: the shared figures, then the blocks a workload declares, with no workload named here. */
class MetricsTest {
    record Tally(int right, Estimate rate) {
    }

    static final MetricsBlock<Tally> TALLY = MetricsBlock.of("tally", Tally.class);
    static final MetricsBlock<List<Estimate>> PER_ROUND = MetricsBlock.listOf("perRound", Estimate.class);
    static final MetricsBlock<Map<String, Estimate>> BY_KIND = MetricsBlock.mapOf("byKind", Estimate.class);

    static Metrics shared() {
        return Metrics.shared(0.5, 0.25, 0.75, 4, 8, 8, Map.of("timeout", 1), 0, new TokenSummary(10, 9, 12),
                TokenSummary.EMPTY, 50.0);
    }

    @Test
    void blocksFollowTheSharedFiguresInTheOrderTheWorkloadAddedThemNotByName() throws Exception {
        Metrics m = shared().with(TALLY, new Tally(3, new Estimate(0.75, 0.5, 1.0, 4)))
                .with(BY_KIND, Map.of("b", new Estimate(1, null, null, 1), "a", new Estimate(0, null, null, 1)))
                .with(PER_ROUND, List.of(new Estimate(0.5, null, null, 2)));
        String json = Json.mapper().writeValueAsString(m);
        assertThat(json).startsWith("{\"score\":0.5,\"ci95Low\":0.25,\"ci95High\":0.75,\"tasks\":4,");
        assertThat(json.indexOf("\"scorePer1kOutputTokens\"")).isLessThan(json.indexOf("\"tally\""));
        assertThat(json.indexOf("\"tally\"")).isLessThan(json.indexOf("\"byKind\""));
        assertThat(json.indexOf("\"byKind\"")).isLessThan(json.indexOf("\"perRound\""));
        // Maps inside a block are still sorted by key, like every map of the project's JSON.
        assertThat(json).contains("\"byKind\":{\"a\":");
    }

    @Test
    void aRunReadBackHasItsBlocksAsRecordsAndWritesTheSameBytes() throws Exception {
        Metrics m = shared().with(TALLY, new Tally(3, new Estimate(0.75, 0.5, 1.0, 4)))
                .with(PER_ROUND, List.of(new Estimate(0.5, null, null, 2)));
        String json = Json.mapper().writeValueAsString(m);
        Metrics read = Json.mapper().readValue(json, Metrics.class);

        assertThat(read.get(TALLY)).isEqualTo(new Tally(3, new Estimate(0.75, 0.5, 1.0, 4)));
        assertThat(read.get(PER_ROUND)).containsExactly(new Estimate(0.5, null, null, 2));
        assertThat(read.errors()).containsEntry("timeout", 1);
        assertThat(Json.mapper().writeValueAsString(read)).isEqualTo(json);
        assertThat(read).isEqualTo(m).hasSameHashCodeAs(m);
    }

    @Test
    void aBlockNoReaderKnowsIsKeptVerbatimAndAnAbsentBlockIsNull() throws Exception {
        String json = "{\"score\":null,\"tasks\":1,\"attempts\":1,\"graded\":0,\"errors\":{},\"truncated\":0,"
                + "\"newer\":{\"z\":1,\"a\":[true]},\"tally\":null}";
        Metrics read = Json.mapper().readValue(json, Metrics.class);

        assertThat(read.blocks().names()).containsExactly("newer");
        assertThat(read.get(TALLY)).isNull();
        assertThat(Json.mapper().writeValueAsString(read)).endsWith(",\"newer\":{\"z\":1,\"a\":[true]}}");
    }

    @Test
    void settingABlockToNullLeavesItAbsentAndMetricsWithDifferentBlocksDiffer() {
        assertThat(shared().with(TALLY, null)).isEqualTo(shared());
        assertThat(shared().with(TALLY, new Tally(1, new Estimate(1, null, null, 1))))
                .isNotEqualTo(shared().with(TALLY, new Tally(2, new Estimate(1, null, null, 1))));
    }

    @Test
    void aBlockCannotTakeTheNameOfASharedFigure() {
        assertThatThrownBy(() -> MetricsBlock.of("score", Tally.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'score'");
    }
}
