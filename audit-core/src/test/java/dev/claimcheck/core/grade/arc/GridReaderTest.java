package dev.claimcheck.core.grade.arc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the grid reader reads from a reply. In the table, {@code |} in a reply is a line break; the outcome is the grid
 * with {@code /} between rows and its form, {@code malformed: <reason>}, or {@code missing}.
 */
class GridReaderTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            # tolerant: how the grid is written
            digits run together;                 012|340;                                   012/340 rows
            spaces between cells;                0 1 2|3 4 0;                               012/340 rows
            commas between cells;                0,1,2|3, 4, 0;                             012/340 rows
            tabs between cells;                  "0\t1|2\t3";                               01/23 rows
            bracketed rows with commas;          [0, 1, 2],|[3, 4, 0];                      012/340 rows
            a JSON array on one line;            [[0,1,2],[3,4,0]];                         012/340 json
            a JSON array over several lines;     [|  [0, 1, 2],|  [3, 4, 0]|];              012/340 json
            a one-cell grid;                     7;                                         7 rows
            # tolerant: what surrounds it
            prose before and after;              The rule mirrors.|012|340|That is all.;    012/340 rows
            a code fence;                        Answer:|```|012|340|```;                   012/340 rows
            a labelled fence;                    ```text|012|340|```|Done.;                 012/340 rows
            Windows line ends;                   "012\r|340\r";                             012/340 rows
            JSON inside a sentence;              The output is [[5, 5], [0, 5]].;           55/05 json
            # the last block wins
            the last of two row blocks;          00|00||11|11;                              11/11 rows
            a JSON grid after a row block;       00|00|so [[1]];                            1 json
            a row block after a JSON grid;       [[1]] or rather|22|22;                     22/22 rows
            a stray number after the grid;       012|340||I used 3 colours:|5;              5 rows
            # strict: what is found is never repaired
            ragged rows;                         012|34;                                    malformed: ragged: row 2 has 2 cells, row 1 has 3
            ragged JSON rows;                    [[1,2],[3]];                               malformed: ragged: row 2 has 1 cells, row 1 has 2
            a two-digit separated cell;          1 2|10 3;                                  malformed: row 2: cell 10 is outside 0-9
            a two-digit JSON cell;               [[1,12]];                                  malformed: row 1: cell 12 is outside 0-9
            an empty JSON row;                   [[1],[]];                                  malformed: row 2 is empty
            a ragged last block hides an earlier good one; 00|00||1|11;                     malformed: ragged: row 2 has 2 cells, row 1 has 1
            # no grid at all
            prose only;                          I could not find the rule.;                missing
            an empty reply;                      "";                                        missing
            a list of lists of words;            [['a','b']];                               missing
            a nested list three deep;            "[[[1]]]";                                 missing
            """)
    void readsTheLastGridShapedBlock(String name, String reply, String outcome) {
        GridReading r = GridReader.read(reply.replace("\\t", "\t").replace("\\r", "\r").replace('|', '\n'));
        String got = r instanceof GridReading.Found f ? String.join("/", f.grid().rows()) + " " + f.form()
                : r instanceof GridReading.Malformed m ? "malformed: " + m.reason() : "missing";
        assertThat(got).as(name).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1,1", "1,30", "30,1", "3,7", "30,30"})
    void everyGridRoundTripsThroughItsTextForm(int height, int width) {
        StringBuilder[] rows = new StringBuilder[height];
        for (int r = 0; r < height; r++) {
            rows[r] = new StringBuilder();
            for (int c = 0; c < width; c++) {
                rows[r].append((r * 7 + c * 3) % 10);
            }
        }
        Grid grid = new Grid(java.util.Arrays.stream(rows).map(StringBuilder::toString).toList());
        assertThat(Grid.ofText(grid.text())).isEqualTo(grid);
        assertThat(GridReader.read("Here it is:\n" + grid.text() + "\n")).isEqualTo(new GridReading.Found(grid, "rows"));
        assertThat(grid.shape()).isEqualTo(height + "x" + width);
    }

    @org.junit.jupiter.api.Test
    void aGridIsRectangularDigitsOnly() {
        assertThat(Grid.problem(List.of())).contains("no rows");
        assertThat(Grid.problem(List.of("01", ""))).contains("row 2 is empty");
        assertThat(Grid.problem(List.of("0a"))).contains("row 1 cell 2 is 'a', not a digit 0-9");
        assertThat(Grid.problem(List.of("01", "012"))).contains("ragged: row 2 has 3 cells, row 1 has 2");
        assertThat(new Grid(List.of("012", "345")).cell(1, 2)).isEqualTo(5);
    }
}
