package dev.claimcheck.core.suite.swebench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.suite.data.ParquetFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SWE-bench Verified's parquet is read as published: its text columns, and the test lists as JSON in text. */
class SwebenchDatasetTest {
    @TempDir
    Path dir;

    @Test
    void readsTheInstancesWithTheirTestListsInFileOrderAndHashesTheFile() throws Exception {
        SwebenchDataset data = SwebenchDataset.load(SwebenchFixture.dataset(dir));

        assertThat(data.fileName()).isEqualTo("test-00000-of-00001.parquet");
        assertThat(data.sha256()).hasSize(64);
        assertThat(data.instances()).extracting(SwebenchInstance::instanceId)
                .containsExactly("pallets__flask-9001", "pallets__flask-9002", "django__django-9003", "pallets__flask-9004");
        SwebenchInstance first = data.instances().get(0);
        assertThat(first.repo()).isEqualTo("pallets/flask");
        assertThat(first.failToPass()).containsExactly("tests/test_cli.py::test_find_app");
        assertThat(first.passToPass()).containsExactly("tests/test_cli.py::test_run", "tests/test_cli.py::test_help");
        assertThat(first.version()).isEqualTo("2.3");
        assertThat(data.instances().get(2).passToPass()).isEmpty();
    }

    @Test
    void aTestListThatIsNotAJsonListIsNamedWithItsRow() throws Exception {
        Path file = ParquetFixture.write(dir.resolve("bad.parquet"), SwebenchFixture.row("a__b-1", "pallets/flask", "[]", "[]")
                + " UNION ALL " + SwebenchFixture.row("a__b-2", "pallets/flask", "tests/t.py::test_x", "[]"));

        assertThatThrownBy(() -> SwebenchDataset.load(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("bad.parquet: row 2: FAIL_TO_PASS is not JSON");
    }

    @Test
    void aMissingColumnIsNamed() throws Exception {
        Path file = ParquetFixture.write(dir.resolve("nolists.parquet"), "SELECT 'a__b-1' AS instance_id, 'pallets/flask' AS repo");

        assertThatThrownBy(() -> SwebenchDataset.load(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("nolists.parquet").hasMessageContaining("base_commit");
    }

    @Test
    void aDuplicatedInstanceIsRefused() throws Exception {
        String row = SwebenchFixture.row("a__b-1", "pallets/flask", "[]", "[]");
        Path file = ParquetFixture.write(dir.resolve("twice.parquet"), row + " UNION ALL " + row);

        assertThatThrownBy(() -> SwebenchDataset.load(file)).isInstanceOf(BadInputException.class)
                .hasMessage("twice.parquet: row 2: instance_id a__b-1 appears twice");
    }
}
