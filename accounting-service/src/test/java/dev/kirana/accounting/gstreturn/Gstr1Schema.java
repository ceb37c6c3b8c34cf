package dev.kirana.accounting.gstreturn;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The GSTR-1 offline-tool format's JSON Schema (test resources, written from the published format GST3.2.4). */
final class Gstr1Schema {
    static final String RESOURCE = "/gstr1/gstr1-offline-GST3.2.4.schema.json";
    private static final Schema SCHEMA = load();

    static List<String> violations(JsonNode json) {
        return SCHEMA.validate(json).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    static List<String> violations(String json) {
        return violations(JsonMapper.builder().build().readTree(json));
    }

    private static Schema load() {
        try (InputStream in = Gstr1Schema.class.getResourceAsStream(RESOURCE)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Gstr1Schema() {
    }
}
