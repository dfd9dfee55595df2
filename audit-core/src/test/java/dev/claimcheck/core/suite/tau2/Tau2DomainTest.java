package dev.claimcheck.core.suite.tau2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.tau2.RewardComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A τ²-bench domain folder as the repository ships it: where it is found, what is read and hashed, what is refused. */
class Tau2DomainTest {
    static final Path DATA = Path.of("src/test/resources/suites/tau2/data");

    @TempDir
    Path tmp;

    @Test
    void theDomainIsFoundUnderDataTau2TheDomainsFolderOrAsItsOwnFolder() {
        for (Path given : new Path[] {DATA, DATA.resolve("domains"), DATA.resolve("domains/airline")}) {
            Tau2Domain d = Tau2Domain.load(given, "airline");
            assertThat(d.tasks()).as(given.toString()).containsOnlyKeys("0", "1", "2");
        }
    }

    @Test
    void everyFileReadIsHashedTasksFirst() {
        Tau2Domain d = Tau2Domain.load(DATA, "airline");
        assertThat(d.inputs()).extracting(Tau2Input::role).containsExactly("tasks", "policy", "db");
        assertThat(d.inputs()).extracting(Tau2Input::name).containsExactly("tasks.json", "policy.md", "db.json");
        assertThat(d.tasksHash().sha256()).hasSize(64);
    }

    @Test
    void structuredInstructionsAreRenderedInUpstreamsFieldOrderAndAStringIsKeptAsIs() {
        Tau2Domain d = Tau2Domain.load(DATA, "airline");
        assertThat(d.tasks().get("0").instructions()).isEqualTo("""
                domain: airline
                reason_for_call: You want to cancel reservation R1001.
                known_info: Your user id is ava_lee_101.
                task_instructions: Confirm the cancellation when asked. Ask how much is refunded.""");
        assertThat(d.tasks().get("1").instructions()).startsWith("You are Ben Cho");
        assertThat(d.tasks().get("1").criteria().rewardBasis()).containsExactly(RewardComponent.DB);
        assertThat(d.tasks().get("1").criteria().actions().get(0).compareArgs()).containsExactly("reservation_id", "total_baggages");
    }

    @Test
    void aMissingDomainADuplicateTaskOrAFileThatIsNotAListIsRefused() throws Exception {
        assertThatThrownBy(() -> Tau2Domain.load(DATA, "telecom")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no tasks.json for domain telecom (looked in ");
        assertThatThrownBy(() -> Tau2Domain.load(DATA, "../airline")).hasMessageStartingWith("--domain must be a τ²-bench domain name");
        Files.writeString(tmp.resolve("tasks.json"), "[{\"id\": \"7\"}, {\"id\": 7}]");
        assertThatThrownBy(() -> Tau2Domain.load(tmp, "x")).hasMessageEndingWith("tasks.json: [1].id: task 7 appears twice");
        Files.writeString(tmp.resolve("tasks.json"), "{\"tasks\": []}");
        assertThatThrownBy(() -> Tau2Domain.load(tmp, "x")).hasMessageEndingWith("tasks.json: expected a JSON list of tasks");
        Files.writeString(tmp.resolve("tasks.json"), "[]");
        assertThatThrownBy(() -> Tau2Domain.load(tmp, "x")).hasMessageEndingWith("tasks.json: no tasks");
    }
}
