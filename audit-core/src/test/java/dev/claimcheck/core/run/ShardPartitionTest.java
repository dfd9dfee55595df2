package dev.claimcheck.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Task;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The audit partition pairModN/v1: pair number = task index × k + attempt, shard = number mod n. */
class ShardPartitionTest {
    static final List<Task> TASKS = IntStream.range(0, 5).mapToObj(i -> task("t" + i)).toList();

    static Task task(String id) {
        return new Task(id, List.of(ChatMessage.user("1 + " + id)), "1", true, Map.of());
    }

    @ParameterizedTest(name = "{0}#{1} is shard {2} of 3")
    @CsvSource(textBlock = """
            t0, 0, 0
            t0, 1, 1
            t1, 0, 2
            t1, 1, 0
            t2, 0, 1
            t4, 1, 0
            """)
    void eachPairBelongsToItsNumberModN(String task, int attempt, int shard) {
        for (int i = 0; i < 3; i++) {
            assertThat(ShardPartition.of(new Shard(i, 3), TASKS, 2).owns(task, attempt)).as("shard " + i).isEqualTo(i == shard);
        }
    }

    @Test
    void theShardsSharePairsEvenlyAndTogetherHoldThemAll() {
        long[] pairs = IntStream.range(0, 3).mapToLong(i -> ShardPartition.of(new Shard(i, 3), TASKS, 2).pairs()).toArray();
        assertThat(pairs).containsExactly(4, 3, 3);
        assertThat(ShardPartition.of(new Shard(6, 7), TASKS, 1).pairs()).isZero();
    }

    @Test
    void noShardOwnsAnAttemptBeyondKOrATaskOutsideTheList() {
        ShardPartition p = ShardPartition.of(new Shard(0, 1), TASKS, 2);
        assertThat(p.owns("t0", 2)).isFalse();
        assertThat(p.owns("elsewhere", 0)).isFalse();
        assertThat(ShardPartition.of(new Shard(1, 3), TASKS, 1).ownsAny("t1")).isTrue();
        assertThat(ShardPartition.of(new Shard(1, 3), TASKS, 1).ownsAny("t2")).isFalse();
    }

    @Test
    void theTaskListHashIgnoresOrderButNotMembership() {
        String hash = ShardPartition.taskIdsSha256(Stream.of("b", "a", "c"));
        assertThat(ShardPartition.taskIdsSha256(Stream.of("c", "b", "a"))).isEqualTo(hash);
        assertThat(ShardPartition.taskIdsSha256(Stream.of("a", "b"))).isNotEqualTo(hash);
    }

    @Test
    void aRecordedPartitionOfAnotherTaskListIsNamed() {
        var recorded = ShardPartition.of(new Shard(0, 2), TASKS, 2).ref();
        assertThat(ShardPartition.of(new Shard(0, 2), TASKS, 2).differsFrom(recorded)).isNull();
        assertThat(ShardPartition.of(new Shard(0, 2), TASKS.subList(0, 4), 2).differsFrom(recorded))
                .contains("4 tasks").contains("5 tasks");
    }
}
