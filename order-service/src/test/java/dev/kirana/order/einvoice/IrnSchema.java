package dev.kirana.order.einvoice;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The e-invoice schema INV-01 v1.1 as JSON Schema (src/test/resources/einvoice), and what a document breaks of it. */
public final class IrnSchema {
    private static final Schema SCHEMA = load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Schema load() {
        try (InputStream in = IrnSchema.class.getResourceAsStream("/einvoice/irn-request-1.1.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each violation of the schema, one line each; empty when the document is valid. */
    public static List<String> violations(String json) {
        return violations(JSON.readTree(json));
    }

    public static List<String> violations(JsonNode document) {
        return SCHEMA.validate(document).stream().map(Error::toString).toList();
    }

    private IrnSchema() {
    }
}
