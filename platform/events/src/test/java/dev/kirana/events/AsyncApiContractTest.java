package dev.kirana.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;

/**
 * The AsyncAPI document partners read ({@code asyncapi.yaml}) is checked as a contract: it must be a valid AsyncAPI 3.0.0
 * document by the specification's own JSON Schema (test resources, see its NOTICE), and it must say what the code does —
 * every published type a message with its own payload schema, every topic a channel with its Kafka binding, the record
 * key, the servers, and the CloudEvents headers the code really writes.
 */
class AsyncApiContractTest {
    static JsonNode doc;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = AsyncApiContractTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the classpath").isNotNull();
            // a YAML error fails here, with its line and column
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            doc = EventJson.mapper().valueToTree(tree);
        }
    }

    @Test
    void isAValidAsyncApi3DocumentByTheSpecificationsSchema() throws Exception {
        Schema spec;
        try (InputStream in = AsyncApiContractTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            spec = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        List<Error> errors = spec.validate(doc);
        assertThat(errors).as("AsyncAPI 3.0.0 schema violations").extracting(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .isEmpty();
        assertThat(doc.path("asyncapi").asString()).isEqualTo("3.0.0");
    }

    @Test
    void theSpecificationsSchemaCatchesABrokenDocument() throws Exception {
        Schema spec;
        try (InputStream in = AsyncApiContractTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            spec = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        // what a lost "components:" line did once: messages at the top level, references to nowhere
        JsonNode broken = EventJson.mapper().readTree("""
                {"asyncapi":"3.0.0","info":{"title":"x","version":"1"},
                 "messages":{"m":{"payload":{"type":"object"}}},
                 "channels":{"c":{"address":"t","messages":{"m":{"name":1}}}}}""");
        assertThat(spec.validate(broken)).isNotEmpty();
    }

    @Test
    void theServersAreKafka() {
        JsonNode servers = doc.path("servers");
        assertThat(servers.isObject() && !servers.isEmpty()).as("servers").isTrue();
        servers.properties().forEach(s -> assertThat(s.getValue().path("protocol").asString()).as(s.getKey()).isEqualTo("kafka"));
    }

    @Test
    void everyTopicIsAChannelWithItsKafkaBinding() {
        Set<String> addresses = new TreeSet<>();
        doc.path("channels").properties().forEach(c -> {
            JsonNode channel = c.getValue();
            String address = channel.path("address").asString();
            addresses.add(address);
            JsonNode kafka = channel.path("bindings").path("kafka");
            assertThat(kafka.path("topic").asString()).as(c.getKey() + " binding topic").isEqualTo(address);
            // the partitions every service creates its topics with (kirana.messaging.partitions)
            assertThat(kafka.path("partitions").asInt()).as(c.getKey() + " partitions").isEqualTo(3);
            // event topics keep every record (retention.ms -1): consumers may start from the first offset
            assertThat(kafka.path("topicConfiguration").path("retention.ms").asLong()).as(c.getKey() + " retention").isEqualTo(-1L);
            assertThat(kafka.path("bindingVersion").asString()).as(c.getKey()).isNotBlank();
        });
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void everyPublishedTypeIsOneMessageWithItsOwnPayloadSchemaOnOneChannel() {
        JsonNode messages = doc.path("components").path("messages");
        Map<String, String> byName = new java.util.HashMap<>();
        List<String> problems = new ArrayList<>();
        messages.properties().forEach(m -> {
            String type = m.getValue().path("name").asString();
            if (byName.put(type, m.getKey()) != null) problems.add(type + " is described twice");
            String payload = m.getValue().path("payload").path("$ref").asString();
            if (!payload.equals("./schemas/" + type + ".json")) {
                problems.add(m.getKey() + " (" + type + ") has the payload " + payload);
            }
            if (!m.getKey().equals(type.replace('.', '-'))) problems.add(m.getKey() + " is named " + type);
            if (m.getValue().path("title").asString().isBlank()) problems.add(m.getKey() + " has no title");
        });
        assertThat(problems).isEmpty();
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);

        // each message on exactly one channel: the topic of its aggregate (kirana.<aggregate>.* on kirana.<owner>.events)
        Map<String, Integer> channelsPerMessage = new java.util.HashMap<>();
        doc.path("channels").properties().forEach(c -> c.getValue().path("messages").properties().forEach(m -> {
            String ref = m.getValue().path("$ref").asString();
            assertThat(ref).as(c.getKey()).startsWith("#/components/messages/");
            String key = ref.substring("#/components/messages/".length());
            assertThat(messages.has(key)).as(ref + " resolves").isTrue();
            assertThat(m.getKey()).as("the channel's name for " + ref).isEqualTo(key);
            channelsPerMessage.merge(key, 1, Integer::sum);
        }));
        assertThat(channelsPerMessage.keySet()).containsExactlyInAnyOrderElementsOf(byName.values());
        assertThat(channelsPerMessage.values()).allMatch(n -> n == 1);
    }

    @Test
    void everyChannelHasAReceiveOperationForPartners() {
        Set<String> received = new HashSet<>();
        doc.path("operations").properties().forEach(o -> {
            assertThat(o.getValue().path("action").asString()).as(o.getKey()).isEqualTo("receive");
            String ref = o.getValue().path("channel").path("$ref").asString();
            received.add(ref.substring(ref.lastIndexOf('/') + 1));
        });
        Set<String> channels = new HashSet<>();
        doc.path("channels").propertyNames().forEach(channels::add);
        assertThat(received).isEqualTo(channels);
    }

    @Test
    void theCloudEventsTraitDeclaresTheHeadersAndKeyTheCodeWrites() {
        JsonNode trait = doc.path("components").path("messageTraits").path("cloudevent");
        doc.path("components").path("messages").properties().forEach(m -> assertThat(m.getValue().path("traits").toString())
                .as(m.getKey()).contains("#/components/messageTraits/cloudevent"));

        // the headers of a real record, as the outbox relay sends it
        var event = KiranaEvents.event(EventTypes.STOCK_LOW, "inventory-service", "p-1", "shop-1",
                new InventoryEvents.StockLow("p-1", "SKU-1", "Atta 5kg", new BigDecimal("2.000"), new BigDecimal("2.000"), new BigDecimal("5.000")));
        ProducerRecord<String, byte[]> record = KiranaEvents.toRecord(Topics.INVENTORY, "p-1", event);
        Set<String> written = new TreeSet<>();
        for (Header h : record.headers()) written.add(h.key());
        Set<String> declared = new TreeSet<>();
        trait.path("headers").path("properties").propertyNames().forEach(declared::add);
        assertThat(declared).as("headers the trait declares").containsAll(written);
        Set<String> required = new TreeSet<>();
        trait.path("headers").path("required").forEach(r -> required.add(r.asString()));
        assertThat(written).as("headers every record carries").containsAll(required);

        // the record key is the aggregate id (the CloudEvent's subject)
        JsonNode key = trait.path("bindings").path("kafka").path("key");
        assertThat(key.path("type").asString()).isEqualTo("string");
        assertThat(record.key()).isEqualTo(event.getSubject());
    }
}
