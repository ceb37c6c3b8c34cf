package dev.kirana.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each service's OpenAPI document as it serves it ({@code /v3/api-docs}), checked in under {@code docs/openapi/} so that
 * an API change shows in review: a service's test compares what it serves now with the checked-in copy and fails on any
 * difference, naming the first lines that differ. {@code -Dkirana.openapi.update=true} writes the copy instead (then
 * review and commit it). The copies are linted by local-stack's {@code OpenApiLintTest}.
 */
public final class OpenApiDocuments {
    static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private OpenApiDocuments() {
    }

    /** The repository's {@code docs/openapi/} (tests run in their module's directory). */
    public static Path directory() {
        return Path.of(System.getProperty("kirana.root", "..")).toAbsolutePath().normalize().resolve("docs/openapi");
    }

    /** The canonical text of a document: keys sorted, two-space indents, a final newline. */
    public static String canonical(String json) {
        JsonNode tree = CANONICAL.readTree(json);
        // sorted by key at every level (ObjectNode keeps insertion order, so re-read as maps)
        Object plain = CANONICAL.convertValue(tree, Object.class);
        return CANONICAL.writeValueAsString(plain).replace("\r\n", "\n") + "\n";
    }

    /** Compares the document {@code http} serves with {@code docs/openapi/<service>.json}, or writes it when asked to. */
    public static void assertCheckedIn(WebTestClient http, String service) {
        byte[] body = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        String served = canonical(new String(body, StandardCharsets.UTF_8));
        Path file = directory().resolve(service + ".json");
        try {
            if (Boolean.getBoolean("kirana.openapi.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, served, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError(file + " is missing: run this test with -Dkirana.openapi.update=true and commit it");
            }
            String checkedIn = Files.readString(file, StandardCharsets.UTF_8);
            if (!checkedIn.equals(served)) {
                throw new AssertionError("the OpenAPI document " + service + " serves differs from " + file
                        + " (an API change: rerun with -Dkirana.openapi.update=true, review the diff and commit it)\n"
                        + firstDifferences(checkedIn, served, 12));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String firstDifferences(String expected, String actual, int max) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(a.length, b.length) && out.size() < max; i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                out.add("line " + (i + 1) + ":\n  checked in: " + x.strip() + "\n  served:     " + y.strip());
            }
        }
        return String.join("\n", out);
    }
}
