package dev.claimcheck.core.suite.tau2;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The telecom domain in upstream's TOML layout (suites/tau2/toml/telecom, our own: the telecom fixture's tables as
 * {@code db.toml}, the phone as {@code user_db.toml}, None fields left out) runs natively as its JSON twin does.
 */
class Tau2TomlTest {
    static final Path TOML = Path.of("src/test/resources/suites/tau2/toml/telecom");

    @TempDir
    Path root;

    Path tomlDomain() throws Exception {
        Path dir = Files.createDirectories(root.resolve("data/domains/telecom"));
        Path json = Tau2TelecomTest.DATA.resolve("domains/telecom");
        for (String f : new String[] {"tasks.json", "policy.md"}) {
            Files.copy(json.resolve(f), dir.resolve(f));
        }
        for (String f : new String[] {"db.toml", "user_db.toml"}) {
            Files.copy(TOML.resolve(f), dir.resolve(f));
        }
        return dir;
    }

    @Test
    void theTomlDatabaseAndTheUsersDeviceRunNativelyAndEveryTaskPasses() throws Exception {
        Path dir = tomlDomain();
        var r = audit("tau2", "--data", root.resolve("data").toString(), "--domain", "telecom", "--user-model",
                "sim:accuracy=1=user-sim", "--base-url", "sim:accuracy=1", "--model", "acme/agent-1", "--k", "1",
                "--root", root.resolve("runs").toString(), "--seed", "7");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Tau2Metrics t = r.manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.trials()).isEqualTo(3);
        assertThat(t.passHatK().get(0).derived().value()).isEqualTo(1.0);
        // Each file is hashed as shipped, the phone's too.
        JsonNode info = Tau2TelecomTest.simulation(Journal.readAll(new RunFolder(r.runDir())), Tau2TelecomTest.AIRPLANE).at("/info");
        assertThat(info.get("db_sha256").asText()).isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(dir.resolve("db.toml"))));
        assertThat(info.get("user_db_sha256").asText()).isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(dir.resolve("user_db.toml"))));
    }

    @Test
    void theTomlLoadsIntoTheSameTreeAsTheJsonSaveTheNullsTomlCannotHold() throws Exception {
        Tau2NativeDomain toml = Tau2NativeDomain.load(Tau2Domain.load(tomlDomain().getParent().getParent(), "telecom"));
        Tau2NativeDomain json = Tau2NativeDomain.load(Tau2Domain.load(Tau2TelecomTest.DATA, "telecom"));
        assertThat(toml.db().at("/user_db/device/active_apn_settings")).isEqualTo(json.db().at("/user_db/device/active_apn_settings"));
        assertThat(toml.db().at("/lines/1")).isEqualTo(json.db().at("/lines/1"));
        assertThat(toml.db().at("/lines/0").has("suspension_start_date")).isFalse();
        assertThat(toml.dbHash().name()).isEqualTo("db.toml");
    }

    @Test
    void aMalformedTomlIsRefusedNamingTheFileAndTheLine() throws Exception {
        Path dir = tomlDomain();
        Files.writeString(dir.resolve("user_db.toml"), "[device]\nairplane_mode = false\nbattery_level = = 80\n");
        assertThatThrownBy(() -> Tau2NativeDomain.load(Tau2Domain.load(root.resolve("data"), "telecom")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(dir.resolve("user_db.toml") + ":3:", "malformed TOML");
    }

    @Test
    void theUsersStateInBothPlacesIsRefused() throws Exception {
        Path dir = tomlDomain();
        Files.writeString(dir.resolve("db.toml"), Files.readString(dir.resolve("db.toml")) + "\n[user_db]\nx = 1\n");
        assertThatThrownBy(() -> Tau2NativeDomain.load(Tau2Domain.load(root.resolve("data"), "telecom")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("both db.toml (its user_db) and user_db.toml hold the user's state");
    }
}
