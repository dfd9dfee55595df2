package dev.claimcheck.site.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.store.Root;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The declared price table: the repository's file conforms to its schema, and a bad file is refused field by field. */
class PriceTableTest {
    static final Path REPO = Path.of("..");
    static final String REL = PricesReader.REL;

    static Schema schema() throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(REPO.resolve("docs/schemas/prices-v1.schema.json")), InputFormat.JSON);
    }

    static String table(String entry) {
        return "{\"schema\": \"claimcheck/prices/v1\", \"prices\": [" + entry + "]}";
    }

    static final String GOOD = "{\"model\": \"vendor/M\", \"provider\": \"P\", \"inputUsdPerMtok\": 1, \"outputUsdPerMtok\": 2,"
            + " \"read\": \"2026-12-01\", \"source\": \"https://example.invalid/p\"}";

    @Test
    void theRepositorysTableConformsToTheSchemaAndEveryPriceIsDatedAndSourced() throws Exception {
        String json = Files.readString(REPO.resolve(REL));

        assertThat(schema().validate(json, InputFormat.JSON)).extracting(Error::toString).isEmpty();
        PriceTable t = PricesReader.read(new Root(REPO));
        assertThat(t.prices()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.source()).startsWith("https://");
            assertThat(p.read()).matches("\\d{4}-\\d{2}-\\d{2}");
        });
    }

    @Test
    void theReaderAndTheSchemaAcceptAndRefuseTheSameFields() throws Exception {
        assertThat(schema().validate(table(GOOD), InputFormat.JSON)).isEmpty();
        assertThat(PricesReader.parse(REL, table(GOOD)).prices()).singleElement()
                .satisfies(p -> assertThat(p.cachedInputUsdPerMtok()).isNull());
        String unknown = GOOD.replace("}", ", \"discount\": 0.5}");
        assertThat(schema().validate(table(unknown), InputFormat.JSON)).isNotEmpty();
        assertThatThrownBy(() -> PricesReader.parse(REL, table(unknown))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(REL + ": prices[0].discount: unknown field");
    }

    @Test
    void aBadFieldIsNamedWithTheFileAndItsPlaceInTheTable() {
        assertThatThrownBy(() -> PricesReader.parse(REL, table(GOOD + ", " + GOOD.replace("\"outputUsdPerMtok\": 2",
                "\"outputUsdPerMtok\": -2").replace("\"P\"", "\"Q\""))))
                .hasMessage(REL + ": prices[1].outputUsdPerMtok: must be a number ≥ 0 (US dollars per million tokens)");
        assertThatThrownBy(() -> PricesReader.parse(REL, table(GOOD.replace("\"inputUsdPerMtok\": 1", "\"inputUsdPerMtok\": \"1\""))))
                .hasMessageStartingWith(REL + ": prices[0].inputUsdPerMtok: must be a number");
        assertThatThrownBy(() -> PricesReader.parse(REL, table(GOOD.replace("2026-12-01", "Dec 2026"))))
                .hasMessage(REL + ": prices[0].read: expected the day the price was read as YYYY-MM-DD, got \"Dec 2026\"");
        assertThatThrownBy(() -> PricesReader.parse(REL, table(GOOD.replace("https://example.invalid/p", "somewhere"))))
                .hasMessageStartingWith(REL + ": prices[0].source: expected the https:// page");
        assertThatThrownBy(() -> PricesReader.parse(REL, table(GOOD.replace("\"provider\": \"P\", ", ""))))
                .hasMessage(REL + ": prices[0].provider: expected a non-empty string");
        assertThatThrownBy(() -> PricesReader.parse(REL, table(GOOD + ", " + GOOD.replace("vendor/M", "VENDOR/m"))))
                .hasMessageStartingWith(REL + ": prices[1].provider: VENDOR/m at P is listed twice");
        assertThatThrownBy(() -> PricesReader.parse(REL, "{\"schema\": \"claimcheck/prices/v1\",\n \"prices\": [,]}"))
                .hasMessageStartingWith(REL + ":2: not JSON");
        assertThatThrownBy(() -> PricesReader.parse(REL, "{\"schema\": \"claimcheck/prices/v2\", \"prices\": []}"))
                .hasMessage(REL + ": schema: expected \"claimcheck/prices/v1\"");
    }

    @Test
    void aRunIsPricedAtTheFirstEntryForItsModelIgnoringCase() {
        PriceTable t = PricesReader.parse(REL, table(GOOD + ", " + GOOD.replace("\"P\"", "\"Q\"").replace("\"inputUsdPerMtok\": 1", "\"inputUsdPerMtok\": 9")));

        assertThat(t.forModel("VENDOR/m")).hasValueSatisfying(p -> assertThat(p.provider()).isEqualTo("P"));
        assertThat(t.forModel("vendor/other")).isEmpty();
        assertThat(PriceTable.NONE.forModel("vendor/M")).isEmpty();
    }
}
