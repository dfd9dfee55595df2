package dev.claimcheck.core.export;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;

/** The test copies of Every Eval Ever's schemas (src/test/resources/schemas/every_eval_ever/README.md), loaded once. */
final class ExportSchemas {
    static final Schema EEE_AGGREGATE = load("/schemas/every_eval_ever/eval.schema.json");
    static final Schema EEE_INSTANCE = load("/schemas/every_eval_ever/instance_level_eval.schema.json");

    private ExportSchemas() {
    }

    private static Schema load(String resource) {
        try (InputStream in = ExportSchemas.class.getResourceAsStream(resource)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The validator's messages for {@code json}; empty when it conforms. */
    static List<String> errors(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
