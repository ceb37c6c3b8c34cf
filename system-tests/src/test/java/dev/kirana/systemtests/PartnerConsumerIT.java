package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kirana.localstack.KiranaStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A partner with nothing but a Kafka client and the published JSON Schemas consumes the topics and
 * sees the journey's events exactly as documented: CloudEvents binary-mode headers, schema-valid
 * data, keyed by the aggregate, in order per key.
 */
@Order(2)
class PartnerConsumerIT {
    static final List<String> TOPICS = List.of("kirana.catalog.events", "kirana.inventory.events", "kirana.order.events");
    static final Path SCHEMAS = Path.of(System.getProperty("kirana.root", "..")).resolve("platform/events/src/main/resources/schemas");

    @Test
    void everyEventOfASaleIsDocumentedSchemaValidKeyedAndOrdered() throws Exception {
        KiranaStack stack = SuiteUnderTest.get();
        Http http = new Http(stack.gatewayUrl());
        String token = Journeys.demoOwner(http);
        String productId = Journeys.stockedProduct(http, token, "25.00", 3);
        String confirmed = Journeys.sell(http, token, productId, 2).body().get("id").asString();
        String rejected = Journeys.sell(http, token, productId, 5).body().get("id").asString();

        Map<String, List<ConsumerRecord<String, byte[]>>> byKey = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> partner = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "partner-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            partner.subscribe(TOPICS);
            Instant end = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(end) && !complete(byKey, productId, confirmed, rejected)) {
                for (ConsumerRecord<String, byte[]> r : partner.poll(Duration.ofMillis(500))) {
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        assertThat(complete(byKey, productId, confirmed, rejected)).as("all events of the journey arrived: %s", types(byKey)).isTrue();

        SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Map<String, Schema> loaded = new HashMap<>();
        for (String key : List.of(productId, confirmed, rejected)) {
            for (ConsumerRecord<String, byte[]> r : byKey.get(key)) {
                assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
                assertThat(header(r, "ce_id")).isNotBlank();
                assertThat(header(r, "ce_source")).isNotBlank();
                assertThat(header(r, "ce_subject")).as("keyed by the aggregate").isEqualTo(r.key());
                assertThat(header(r, "ce_shopid")).isNotBlank();
                assertThat(header(r, "content-type")).isEqualTo("application/json");
                String type = header(r, "ce_type");
                assertThat(type).matches("kirana\\.[a-z]+\\.[a-z-]+\\.v[0-9]+");
                Schema schema = loaded.computeIfAbsent(type, t -> schemas.getSchema(read(SCHEMAS.resolve(t + ".json"))));
                JsonNode data = Http.JSON.readTree(r.value());
                assertThat(schema.validate(data)).as("%s data %s", type, new String(r.value(), StandardCharsets.UTF_8)).isEmpty();
            }
        }
        // ordered per key within a topic (across topics there is no order to promise)
        assertThat(firstOccurrences(byKey.get(confirmed), "kirana.order.events"))
                .containsExactly("kirana.order.placed.v1", "kirana.order.confirmed.v1");
        assertThat(firstOccurrences(byKey.get(confirmed), "kirana.inventory.events"))
                .containsExactly("kirana.stock.reserved.v1", "kirana.stock.committed.v1");
        assertThat(firstOccurrences(byKey.get(rejected), "kirana.order.events"))
                .containsExactly("kirana.order.placed.v1", "kirana.order.rejected.v1");
        assertThat(firstOccurrences(byKey.get(rejected), "kirana.inventory.events"))
                .containsExactly("kirana.stock.reservation-rejected.v1");
        assertThat(firstOccurrences(byKey.get(productId), "kirana.catalog.events")).startsWith("kirana.product.created.v1");
    }

    private static boolean complete(Map<String, List<ConsumerRecord<String, byte[]>>> byKey, String product, String confirmed, String rejected) {
        return types(byKey, confirmed).containsAll(Set.of("kirana.order.confirmed.v1", "kirana.stock.committed.v1"))
                && types(byKey, rejected).contains("kirana.order.rejected.v1")
                && types(byKey, product).contains("kirana.stock.received.v1");
    }

    private static List<String> types(Map<String, List<ConsumerRecord<String, byte[]>>> byKey, String key) {
        return byKey.getOrDefault(key, List.of()).stream().map(r -> header(r, "ce_type")).toList();
    }

    private static Map<String, List<String>> types(Map<String, List<ConsumerRecord<String, byte[]>>> byKey) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        byKey.forEach((k, v) -> out.put(k, v.stream().map(r -> header(r, "ce_type")).toList()));
        return out;
    }

    /** Event types in the order first seen (a redelivered event keeps its id and is counted once). */
    private static List<String> firstOccurrences(List<ConsumerRecord<String, byte[]>> records, String topic) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.topic().equals(topic)) {
                byId.putIfAbsent(header(r, "ce_id"), header(r, "ce_type"));
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
