package dev.kirana.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an event against the published contract: the envelope rules and the JSON Schema of its type,
 * shipped at {@code /schemas/<type>.json} on the classpath of this module.
 */
public final class EventSchemaValidator {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public static String schemaResource(String type) {
        return "/schemas/" + type + ".json";
    }

    /** @return every violation found, empty when the event is valid */
    public List<String> validate(CloudEvent event) {
        List<String> problems = new ArrayList<>();
        if (event.getId() == null || event.getId().isBlank()) problems.add("envelope: id is missing");
        if (!EventTypes.PATTERN.matcher(event.getType()).matches()) problems.add("envelope: bad type " + event.getType());
        if (event.getSource() == null) problems.add("envelope: source is missing");
        if (event.getSubject() == null || event.getSubject().isBlank()) problems.add("envelope: subject is missing");
        if (KiranaEvents.shopId(event) == null) problems.add("envelope: extension shopid is missing");
        if (!KiranaEvents.JSON.equals(event.getDataContentType())) problems.add("envelope: datacontenttype must be application/json");
        if (event.getData() == null) {
            problems.add("data is missing");
            return problems;
        }
        problems.addAll(validate(event.getType(), event.getData().toBytes()));
        return problems;
    }

    public List<String> validate(String type, byte[] json) {
        Schema schema = schemas.computeIfAbsent(type, this::load);
        List<Error> errors = schema.validate(EventJson.mapper().readTree(json));
        return errors.stream().map(e -> type + " " + e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    public void assertValid(CloudEvent event) {
        List<String> problems = validate(event);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("event " + event.getType() + " breaks its contract: " + problems);
        }
    }

    private Schema load(String type) {
        try (InputStream in = EventSchemaValidator.class.getResourceAsStream(schemaResource(type))) {
            if (in == null) {
                throw new IllegalArgumentException("no JSON Schema is published for event type " + type);
            }
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
