package dev.claimcheck.core.suite.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.PromptHash;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetRowsTest {
    @TempDir
    Path dir;

    Path mixed() throws Exception {
        return ParquetFixture.write(dir.resolve("mixed.parquet"), """
                SELECT * FROM (VALUES
                  (1::BIGINT, 'What is $\\frac{1}{2}$ of 4?', ['Algebra', 'Number Theory'], 2.5::DOUBLE, 0.50::DECIMAL(4,2),
                   {'desc': 'full', 'points': 7}, NULL::VARCHAR, true),
                  (2::BIGINT, 'Second', [], -1.0::DOUBLE, 1.25::DECIMAL(4,2), {'desc': 'none', 'points': 0}, 'x', false)
                ) t(problem_idx, problem, problem_type, weight, share, scheme, note, flag)""");
    }

    @Test
    void theSchemaAndRowsReadAsPlainValuesInFileOrder() throws Exception {
        ParquetRows p = ParquetRows.open(mixed());
        assertThat(p.columns()).extracting(ParquetRows.Column::name)
                .containsExactly("problem_idx", "problem", "problem_type", "weight", "share", "scheme", "note", "flag");
        assertThat(p.columns()).extracting(ParquetRows.Column::kind).containsExactly(ColumnKind.INTEGER, ColumnKind.TEXT,
                ColumnKind.LIST, ColumnKind.REAL, ColumnKind.REAL, ColumnKind.STRUCT, ColumnKind.TEXT, ColumnKind.BOOLEAN);
        assertThat(p.rowCount()).isEqualTo(2);
        List<ParquetRows.Row> rows = p.readAll();
        assertThat(rows).extracting(ParquetRows.Row::number).containsExactly(1L, 2L);
        ParquetRows.Row first = rows.get(0);
        assertThat(first.get("problem_idx")).isEqualTo(1L);
        assertThat(first.get("problem")).isEqualTo("What is $\\frac{1}{2}$ of 4?");
        assertThat(first.get("problem_type")).isEqualTo(List.of("Algebra", "Number Theory"));
        assertThat(first.get("weight")).isEqualTo(2.5);
        assertThat(first.get("share")).isEqualTo(new BigDecimal("0.50"));
        assertThat(first.get("scheme")).isEqualTo(Map.of("desc", "full", "points", 7L));
        assertThat(first.values()).containsEntry("note", null);
        assertThat(first.get("flag")).isEqualTo(true);
        assertThat(rows.get(1).get("problem_type")).isEqualTo(List.of());
    }

    @Test
    void theHashIsTheFilesOwn() throws Exception {
        Path file = mixed();
        assertThat(ParquetRows.open(file).sha256()).isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(file)));
    }

    @Test
    void aFileThatIsNotParquetSaysSo() throws Exception {
        Path json = Files.writeString(dir.resolve("train.parquet"), "{\"problem\": \"1+1\", \"answer\": 2}\n");
        assertThatThrownBy(() -> ParquetRows.open(json)).isInstanceOf(BadInputException.class)
                .hasMessage("train.parquet: not a parquet file (32 bytes; a parquet file begins and ends with 'PAR1');"
                        + " it looks like JSON: name it .jsonl or .json");
        Path empty = Files.write(dir.resolve("empty.parquet"), new byte[0]);
        assertThatThrownBy(() -> ParquetRows.open(empty)).hasMessageStartingWith("empty.parquet: not a parquet file (0 bytes;");
    }

    @Test
    void aTruncatedParquetFileSaysSo() throws Exception {
        byte[] whole = Files.readAllBytes(mixed());
        byte[] cut = new byte[whole.length - 40];
        System.arraycopy(whole, 0, cut, 0, cut.length);
        Path truncated = Files.write(dir.resolve("cut.parquet"), cut);
        assertThatThrownBy(() -> ParquetRows.open(truncated)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("cut.parquet: not a parquet file");
    }

    @Test
    void aFileWithParquetsMagicButAGarbledFooterSaysWhatDuckDbFound() throws Exception {
        byte[] bytes = Files.readAllBytes(mixed());
        for (int i = bytes.length - 12; i < bytes.length - 4; i++) {
            bytes[i] = (byte) 0xff; // the footer length and the end of the footer
        }
        Path garbled = Files.write(dir.resolve("garbled.parquet"), bytes);
        assertThatThrownBy(() -> ParquetRows.open(garbled)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("garbled.parquet: not a readable parquet file: ");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> ParquetRows.open(dir.resolve("none.parquet"))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("dataset file not found: ").hasMessageEndingWith("none.parquet");
    }

    @Test
    void aRequiredColumnThatIsMissingListsTheColumnsThereAre() throws Exception {
        ParquetRows p = ParquetRows.open(mixed());
        assertThatThrownBy(() -> p.require("answer", ColumnKind.TEXT)).isInstanceOf(BadInputException.class)
                .hasMessage("mixed.parquet: no column 'answer' (columns: problem_idx, problem, problem_type, weight, share,"
                        + " scheme, note, flag)");
    }

    @Test
    void aRequiredColumnOfTheWrongTypeNamesItsTypeAndTheKindsAccepted() throws Exception {
        ParquetRows p = ParquetRows.open(mixed());
        assertThatThrownBy(() -> p.require("problem_type", ColumnKind.TEXT, ColumnKind.INTEGER))
                .isInstanceOf(BadInputException.class)
                .hasMessage("mixed.parquet: column 'problem_type' is VARCHAR[], expected text or an integer");
        assertThat(p.require("PROBLEM", ColumnKind.TEXT).name()).isEqualTo("problem");
    }

    @Test
    void aPathThatDuckDbWouldReadAsAGlobIsRefused() throws Exception {
        Path odd = Files.copy(mixed(), dir.resolve("train[1].parquet"));
        assertThatThrownBy(() -> ParquetRows.open(odd)).isInstanceOf(BadInputException.class)
                .hasMessage("train[1].parquet: a parquet path must not contain *, ?, [ or { (rename the file)");
    }

    @Test
    void aConsumersErrorPassesThroughUnchanged() throws Exception {
        ParquetRows p = ParquetRows.open(mixed());
        assertThatThrownBy(() -> p.forEach(r -> {
            throw new BadInputException("mixed.parquet: row " + r.number() + ": rejected");
        })).isInstanceOf(BadInputException.class).hasMessage("mixed.parquet: row 1: rejected");
    }
}
