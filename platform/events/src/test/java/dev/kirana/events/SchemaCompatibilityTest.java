package dev.kirana.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The event schemas stay backward compatible with the last release (a copy of its schemas is kept under
 * {@code src/test/resources/released/<version>/}): every event published now is valid by the schema a partner's
 * consumer was built against. When a release is cut, its schemas are copied there as the next baseline.
 */
class SchemaCompatibilityTest {
    static final Path RELEASED = Path.of("src/test/resources/released");

    /** The newest release kept under released/ (versions compared numerically). */
    static Path lastRelease() throws IOException {
        try (Stream<Path> versions = Files.list(RELEASED)) {
            return versions.filter(Files::isDirectory).max((a, b) -> compareVersions(a.getFileName().toString(), b.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("no released schemas under " + RELEASED));
        }
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) return c;
        }
        return 0;
    }

    @Test
    void everySchemaOfTheLastReleaseIsStillPublishedAndCompatible() throws IOException {
        Path release = lastRelease();
        List<String> problems = new ArrayList<>();
        int compared = 0;
        try (Stream<Path> files = Files.list(release)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String type = file.getFileName().toString().replaceFirst("\\.json$", "");
                JsonNode released = EventJson.mapper().readTree(Files.readString(file));
                try (InputStream now = EventSchemaValidator.class.getResourceAsStream(EventSchemaValidator.schemaResource(type))) {
                    if (now == null) {
                        problems.add(type + ": no longer published (release " + release.getFileName() + " had it)");
                        continue;
                    }
                    SchemaCompatibility.breakingChanges(released, EventJson.mapper().readTree(now))
                            .forEach(p -> problems.add(type + " " + p));
                    compared++;
                }
            }
        }
        assertThat(problems).as("changes that break consumers of release " + release.getFileName()
                + " (publish the change as a new type, …v2, instead)").isEmpty();
        assertThat(compared).isGreaterThanOrEqualTo(37);
    }

    @Test
    void everyPublishedTypeOfTheLastReleaseIsStillAKnownType() throws IOException {
        try (Stream<Path> files = Files.list(lastRelease())) {
            List<String> released = files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", "")).toList();
            assertThat(EventTypes.ALL).containsAll(released);
        }
    }

    static JsonNode json(String text) {
        return EventJson.mapper().readTree(text);
    }

    static final String RELEASED_ORDER = """
            {"type":"object","required":["orderId","total"],
             "properties":{"orderId":{"type":"string","minLength":1},
                           "total":{"type":"string","pattern":"^[0-9]+\\\\.[0-9]{2}$"},
                           "status":{"type":"string","enum":["CONFIRMED","REJECTED"]},
                           "lines":{"type":"array","items":{"type":"object","required":["qty"],"properties":{"qty":{"type":"integer"}}}}}}""";

    @Test
    void additiveChangesPass() {
        // a new optional property, a new required one (old consumers ignore it), a tighter bound, an enum value dropped
        assertThat(SchemaCompatibility.breakingChanges(json(RELEASED_ORDER), json("""
                {"type":"object","required":["orderId","total","currency"],"description":"now with currency",
                 "properties":{"orderId":{"type":"string","minLength":2,"maxLength":64},
                               "total":{"type":"string","pattern":"^[0-9]+\\\\.[0-9]{2}$"},
                               "currency":{"type":"string"},
                               "status":{"type":"string","enum":["CONFIRMED"]},
                               "lines":{"type":"array","items":{"type":"object","required":["qty"],"properties":{"qty":{"type":"integer"},"note":{"type":"string"}}}}}}"""))).isEmpty();
    }

    @Test
    void whatBreaksAConsumerOfTheReleaseIsNamed() {
        List<String> problems = SchemaCompatibility.breakingChanges(json(RELEASED_ORDER), json("""
                {"type":"object","required":["orderId"],
                 "properties":{"orderId":{"type":"string"},
                               "total":{"type":"number"},
                               "status":{"type":"string","enum":["CONFIRMED","REJECTED","CANCELLED"]},
                               "lines":{"type":"array","items":{"type":"object","properties":{"qty":{"type":"string"}}}}}}"""));
        assertThat(problems).containsExactlyInAnyOrder(
                "/: total is no longer required",
                "/orderId: minLength 1 became null",
                "/total: type [number] was [string]",
                "/total: pattern \"^[0-9]+\\\\.[0-9]{2}$\" became null",
                "/status: new enum values [\"CANCELLED\"]",
                "/lines/[]: qty is no longer required",
                "/lines/[]/qty: type [string] was [integer]");
    }

    @Test
    void aClosedObjectStaysClosed() {
        JsonNode closed = json("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"a\":{\"type\":\"string\"}}}");
        assertThat(SchemaCompatibility.breakingChanges(closed, json("{\"type\":\"object\",\"additionalProperties\":false,"
                + "\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}}}")))
                .containsExactly("/: new property b on an object the release closed");
        assertThat(SchemaCompatibility.breakingChanges(closed, json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}")))
                .containsExactly("/: additionalProperties false was dropped");
    }

    @Test
    void aKeywordTheCheckDoesNotKnowIsReportedWhenItChanges() {
        assertThat(SchemaCompatibility.breakingChanges(json("{\"type\":\"string\"}"), json("{\"type\":\"string\",\"multipleOf\":2}")))
                .containsExactly("/: multipleOf changed and is not understood by the compatibility check");
    }
}
