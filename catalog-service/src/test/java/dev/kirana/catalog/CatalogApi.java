package dev.kirana.catalog;

import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the catalog tests do through the API, as one shop's owner; and what they read off the catalog topic. */
final class CatalogApi {
    final WebTestClient http;
    final String shop;
    final String token;

    CatalogApi(WebTestClient http, String shop) {
        this.http = http;
        this.shop = shop;
        this.token = TestInfrastructure.get().jwt().token("u-owner", shop, "OWNER");
    }

    static Map<String, Object> product(String sku, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "name", "Product " + sku, "hsn", "1101", "gstRate", "5",
                "sellingPrice", "245.00", "mrp", "260.00", "taxInclusive", true, "unit", "PCS"));
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                body.remove((String) more[i]);
            } else {
                body.put((String) more[i], more[i + 1]);
            }
        }
        return body;
    }

    WebTestClient.ResponseSpec post(String uri, Object body) {
        return http.post().uri(uri).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec get(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    WebTestClient.ResponseSpec put(String uri, String ifMatch, Object body) {
        return http.put().uri(uri).headers(h -> {
            h.setBearerAuth(token);
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> create(Map<String, Object> body) {
        return post("/api/v1/products", body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> read(String id) {
        return get("/api/v1/products/" + id).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> category(String name, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return post("/api/v1/categories", body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The events published about one aggregate, once {@code done} holds for them; each checked against its JSON Schema. */
    static List<CloudEvent> events(String key, Predicate<List<CloudEvent>> done) {
        try (var probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.CATALOG)) {
            var validator = new EventSchemaValidator();
            List<CloudEvent>[] mine = new List[1];
            probe.awaitUntil(rs -> {
                mine[0] = rs.stream().filter(r -> key.equals(r.key())).map(KiranaEvents::fromRecord).toList();
                return done.test(mine[0]);
            }, Duration.ofSeconds(30));
            mine[0].forEach(validator::assertValid);
            return mine[0];
        }
    }

    static List<CloudEvent> events(String key, int atLeast) {
        return events(key, es -> es.size() >= atLeast);
    }
}
