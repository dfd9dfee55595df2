package dev.claimcheck.core.suite.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.AnswersHash;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest.DatasetFields;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatasetLoaderTest {
    static final Path FIXTURES = Path.of("src/test/resources/suites/math");

    @TempDir
    Path dir;

    Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    Dataset load(Path p) {
        return DatasetLoader.load(p, Map.of());
    }

    @Test
    void jsonLinesInMathArenaStyleAreDetectedAndNumbersKeepTheirDigits() throws Exception {
        Dataset d = load(FIXTURES.resolve("easy.jsonl"));
        assertThat(d.fields()).isEqualTo(new DatasetFields("problem_idx", "problem", "answer"));
        assertThat(d.rows()).hasSize(5);
        assertThat(d.rows().get(0)).isEqualTo(new DatasetRow("1", "What is $2 + 3 \\cdot 4$?", "14", 1));
        assertThat(d.rows().get(2).answer()).isEqualTo("9");
        assertThat(d.name()).isEqualTo("easy");
        assertThat(d.fileName()).isEqualTo("easy.jsonl");
        assertThat(d.sha256()).isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(FIXTURES.resolve("easy.jsonl"))));
    }

    @Test
    void csvWithCrlfAndAMultiLineQuotedCell() {
        Dataset d = load(FIXTURES.resolve("easy.csv"));
        assertThat(d.fields()).isEqualTo(new DatasetFields("id", "question", "final_answer"));
        assertThat(d.rows()).extracting(DatasetRow::id).containsExactly("q1", "q2", "q3");
        assertThat(d.rows().get(1).problem()).isEqualTo("A rectangle has sides 3 and 4.\r\nWhat is the length of its diagonal?");
        assertThat(d.rows().get(2).line()).isEqualTo(5);
        assertThat(d.rows().get(2).answer()).isEqualTo("55");
    }

    @Test
    void aJsonArrayWithWorkedSolutionsGivesTheBoxedAnswers() {
        Dataset d = load(FIXTURES.resolve("easy.json"));
        assertThat(d.fields()).isEqualTo(new DatasetFields("unique_id", "problem", "solution"));
        assertThat(d.rows()).extracting(DatasetRow::answer).containsExactly("5", "9\\pi", "6");
        assertThat(d.rows()).extracting(DatasetRow::line).containsExactly(2, 3, 4);
    }

    @Test
    void aUtf8BomIsSkippedAndHeaderNamesMatchWithoutCase() throws Exception {
        Path p = dir.resolve("bom.csv");
        Files.write(p, ("\uFEFFID,Problem,Answer\r\n7,\"One, two\",3\r\n").getBytes(StandardCharsets.UTF_8));
        Dataset d = load(p);
        assertThat(d.fields()).isEqualTo(new DatasetFields("ID", "Problem", "Answer"));
        assertThat(d.rows().get(0)).isEqualTo(new DatasetRow("7", "One, two", "3", 2));
    }

    @Test
    void fieldsCanBeNamedAndTheRestIsStillDetected() throws Exception {
        Path p = write("o.jsonl", "{\"n\": \"a\", \"question\": \"Q?\", \"gold\": \"1\", \"answer\": \"wrong column\"}\n");
        Dataset d = DatasetLoader.load(p, FieldMapping.parseOverrides("id=n, answer=gold"));
        assertThat(d.fields()).isEqualTo(new DatasetFields("n", "question", "gold"));
        assertThat(d.rows().get(0).answer()).isEqualTo("1");
    }

    @Test
    void detectionPrefersAnAnswerColumnOverASolution() throws Exception {
        Path p = write("s.jsonl", "{\"id\": \"a\", \"problem\": \"Q\", \"solution\": \"long \\\\boxed{2}\", \"answer\": \"2\"}\n");
        assertThat(load(p).fields().answer()).isEqualTo("answer");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            bad json line        | a.jsonl | {"id":"1","problem":"p","answer":"1"}\\n{"id": 2, oops}\\n                 | a.jsonl:2: not valid JSON
            not an object        | b.jsonl | {"id":"1","problem":"p","answer":"1"}\\n[1,2]\\n                          | b.jsonl:2: expected a JSON object
            missing answer       | c.jsonl | {"id":"1","problem":"p","answer":"1"}\\n\\n{"id":"2","problem":"p"}\\n  | c.jsonl:3: missing field 'answer'
            null answer          | d.jsonl | {"id":"1","problem":"p","answer":null}\\n                              | d.jsonl:1: missing field 'answer'
            object answer        | e.jsonl | {"id":"1","problem":"p","answer":{"x":1}}\\n                           | e.jsonl:1: field 'answer' must be a string or a number
            empty problem        | f.jsonl | {"id":"1","problem":" ","answer":"1"}\\n                               | f.jsonl:1: empty problem
            trailing text        | g.jsonl | {"id":"1","problem":"p","answer":"1"} x\\n                            | g.jsonl:1: not valid JSON
            duplicate key        | h.jsonl | {"id":"1","problem":"p","answer":"1","answer":"2"}\\n                 | h.jsonl:1: not valid JSON
            duplicate id         | i.jsonl | {"id":"1","problem":"p","answer":"1"}\\n{"id":1,"problem":"q","answer":"2"}\\n | i.jsonl:2: duplicate id '1' (first on line 1)
            unclosed box         | j.jsonl | {"id":"1","problem":"p","solution":"so \\\\boxed{3"}\\n           | j.jsonl:1: no answer could be read
            no id field          | k.jsonl | {"name":"1","problem":"p","answer":"1"}\\n                             | k.jsonl: no id field
            array of numbers     | l.json  | [{"id":"1","problem":"p","answer":"1"},\\n 5]                          | l.json:2: expected a JSON object in the array
            not an array         | m.json  | {"id":"1","problem":"p","answer":"1"}                                  | m.json:1: expected a JSON array
            broken array         | n.json  | [{"id":"1","problem":"p","answer":"1"},\\n{"id":"2",]                  | n.json:2: not valid JSON
            short csv row        | o.csv   | id,problem,answer\\n1,p,1\\n2,q\\n                                     | o.csv:3: 2 cells, the header has 3
            unclosed csv quote   | p.csv   | id,problem,answer\\n1,"p,1\\n                                          | p.csv: malformed CSV
            duplicate csv header | q.csv   | id,problem,answer,id\\n1,p,1,2\\n                                      | q.csv:1: bad CSV header
            duplicate csv id     | r.csv   | id,problem,answer\\n1,p,1\\n1,q,2\\n                                   | r.csv:3: duplicate id '1' (first on line 2)
            empty file           | s.jsonl | \\n\\n                                                                 | s.jsonl: no rows
            unknown format       | t.txt   | x                                                                      | t.txt: unknown dataset format
            control char in id   | u.jsonl | {"id":"a\\u0001","problem":"p","answer":"1"}\\n                      | u.jsonl:1: id must be
            """)
    void malformedInputNamesFileAndLine(String name, String file, String text, String message) throws Exception {
        Path p = write(file, text.replace("\\n", "\n"));
        assertThatThrownBy(() -> load(p)).isInstanceOf(BadInputException.class).hasMessageStartingWith(message);
    }

    @Test
    void aHugeLineIsRefusedBeforeParsing() throws Exception {
        Path p = write("huge.jsonl", "{\"id\":\"1\",\"problem\":\"" + "x".repeat(2 << 20) + "\",\"answer\":\"1\"}\n");
        assertThatThrownBy(() -> load(p)).isInstanceOf(BadInputException.class)
                .hasMessage("huge.jsonl:1: line longer than 1048576 characters");
    }

    @Test
    void limitsOnFileSizeDepthAndRows() throws Exception {
        DatasetLimits small = new DatasetLimits(100, 1000, 4, 2);
        Path big = write("big.jsonl", "{\"id\":\"1\",\"problem\":\"" + "x".repeat(200) + "\",\"answer\":\"1\"}\n");
        assertThatThrownBy(() -> DatasetLoader.load(big, Map.of(), small)).hasMessageContaining("more than the limit of 100");
        Path deep = write("deep.jsonl", "{\"id\":\"1\",\"problem\":\"p\",\"answer\":\"1\",\"x\":[[[[[1]]]]]}\n");
        assertThatThrownBy(() -> DatasetLoader.load(deep, Map.of(), new DatasetLimits(1000, 1000, 4, 10)))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("deep.jsonl:1: not valid JSON");
        Path many = write("many.jsonl", "{\"id\":\"1\",\"problem\":\"p\",\"answer\":\"1\"}\n".repeat(1)
                + "{\"id\":\"2\",\"problem\":\"p\",\"answer\":\"1\"}\n{\"id\":\"3\",\"problem\":\"p\",\"answer\":\"1\"}\n");
        assertThatThrownBy(() -> DatasetLoader.load(many, Map.of(), new DatasetLimits(1000, 1000, 4, 2)))
                .hasMessage("many.jsonl:3: more than 2 rows");
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        Path p = dir.resolve("bad.jsonl");
        Files.write(p, new byte[] {'{', '"', (byte) 0xC3, '"', '}'});
        assertThatThrownBy(() -> load(p)).hasMessage("bad.jsonl: not valid UTF-8");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            id=x,id=y         | --fields: id is given twice
            ident=x           | --fields: unknown role 'ident'
            answer=           | --fields: answer needs a column name
            """)
    void badFieldOverrides(String spec, String message) {
        assertThatThrownBy(() -> FieldMapping.parseOverrides(spec)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void anOverrideNamingAMissingColumnSaysSo() throws Exception {
        Path p = write("m.jsonl", "{\"id\":\"1\",\"problem\":\"p\",\"answer\":\"1\"}\n");
        assertThatThrownBy(() -> DatasetLoader.load(p, Map.of("answer", "gold")))
                .hasMessage("m.jsonl: no field 'gold' (named by --fields answer=…); fields: id, problem, answer");
    }

    @Test
    void theAnswersHashIgnoresOrderAndSeesEveryPair() throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("2", "\\frac{5}{6}");
        a.put("1", "14");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("1", "14");
        b.put("2", "\\frac{5}{6}");
        assertThat(AnswersHash.of(a)).isEqualTo(AnswersHash.of(b));
        assertThat(AnswersHash.of(Map.of("1", "14", "2", "5/6"))).isNotEqualTo(AnswersHash.of(b));
        // Length prefixes: moving a character between id and answer changes the hash.
        assertThat(AnswersHash.of(Map.of("ab", "c"))).isNotEqualTo(AnswersHash.of(Map.of("a", "bc")));
        Path p = write("h.jsonl", "{\"id\":\"2\",\"problem\":\"p\",\"answer\":\"\\\\frac{5}{6}\"}\n{\"id\":\"1\",\"problem\":\"q\",\"answer\":14}\n");
        assertThat(load(p).answersSha256()).isEqualTo(AnswersHash.of(a));
    }
}
