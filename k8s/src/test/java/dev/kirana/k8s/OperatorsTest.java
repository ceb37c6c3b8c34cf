package dev.kirana.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The operators overlay provides what the services expect: a database per service, the Secret they read, Kafka where
 * the ConfigMap points, and every topic the services publish or dead-letter, with their partitions and replication.
 */
class OperatorsTest {
    static final String OVERLAY = "overlays/operators";
    static final List<String> WITH_DATABASE = ManifestsTest.SERVICES.stream().filter(s -> !s.equals("gateway")).toList();

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(String kind, String name) {
        return (Map<String, Object>) Documents.ofKind(OVERLAY, kind).stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name)).raw().get("spec");
    }

    static Map<String, String> config() {
        return Documents.one(OVERLAY, ConfigMap.class, "kirana-config").getData();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceHasItsDatabaseOnTheClusterTheConfigMapNames() throws IOException {
        Set<String> deployed = Documents.all(OVERLAY, Deployment.class).stream()
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream())
                .filter(e -> e.getName().equals("KIRANA_DB_NAME")).map(EnvVar::getValue).collect(Collectors.toCollection(TreeSet::new));
        Set<String> initSql = new TreeSet<>();
        Matcher m = Pattern.compile("CREATE DATABASE (\\w+);").matcher(Files.readString(Kustomize.REPO.resolve("deploy/postgres-init.sql")));
        while (m.find()) {
            initSql.add(m.group(1));
        }
        var databases = Documents.ofKind(OVERLAY, "Database");
        Set<String> declared = databases.stream().map(d -> (String) ((Map<String, Object>) d.raw().get("spec")).get("name"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(deployed).hasSize(WITH_DATABASE.size()).isEqualTo(initSql).isEqualTo(declared);

        var clusters = Documents.ofKind(OVERLAY, "Cluster");
        assertThat(clusters).hasSize(1);
        String cluster = clusters.get(0).name();
        Map<String, Object> initdb = (Map<String, Object>) ((Map<String, Object>) spec("Cluster", cluster).get("bootstrap")).get("initdb");
        assertThat(config()).containsEntry("KIRANA_DB_HOST", cluster + "-rw").containsEntry("KIRANA_DB_USER", (String) initdb.get("owner"));
        for (var d : databases) {
            Map<String, Object> spec = (Map<String, Object>) d.raw().get("spec");
            assertThat(((Map<String, Object>) spec.get("cluster")).get("name")).as(d.name()).isEqualTo(cluster);
            assertThat(spec.get("owner")).as(d.name()).isEqualTo(initdb.get("owner"));
        }
        // the services read the password from the Secret that initdb gives the role
        String secret = (String) ((Map<String, Object>) initdb.get("secret")).get("name");
        for (Deployment d : Documents.all(OVERLAY, Deployment.class)) {
            var password = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getName().equals("KIRANA_DB_PASSWORD")).findFirst();
            if (WITH_DATABASE.contains(d.getMetadata().getName())) {
                assertThat(password).as(d.getMetadata().getName()).isPresent();
                assertThat(password.get().getValueFrom().getSecretKeyRef().getName()).isEqualTo(secret);
                assertThat(password.get().getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
            } else {
                assertThat(password).as(d.getMetadata().getName()).isEmpty();
            }
        }
    }

    @Test
    void kafkaRunsInKraftWhereTheServicesLookForItReplicatedAsTheyCreateTopics() {
        List<Kafka> kafkas = Documents.all(OVERLAY, Kafka.class);
        assertThat(kafkas).hasSize(1);
        Kafka kafka = kafkas.get(0);
        String name = kafka.getMetadata().getName();
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream().filter(l -> !l.isTls()).findFirst().orElseThrow();
        assertThat(config()).containsEntry("KIRANA_KAFKA_BOOTSTRAP", name + "-kafka-bootstrap:" + plain.getPort());
        assertThat(plain.getPort()).as("the port egress-kafka allows").isEqualTo(9092);
        assertThat(kafka.getSpec().getZookeeper()).isNull();

        List<KafkaNodePool> pools = Documents.all(OVERLAY, KafkaNodePool.class);
        assertThat(pools).allSatisfy(p -> assertThat(p.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", name));
        assertThat(pools.stream().flatMap(p -> p.getSpec().getRoles().stream()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        int brokers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER)).mapToInt(p -> p.getSpec().getReplicas()).sum();
        int replication = Integer.parseInt(config().get("KIRANA_KAFKA_REPLICATION_FACTOR"));
        int minInsync = Integer.parseInt(config().get("KIRANA_KAFKA_MIN_INSYNC_REPLICAS"));
        assertThat(brokers).isGreaterThanOrEqualTo(replication);
        Map<String, Object> brokerConfig = kafka.getSpec().getKafka().getConfig();
        assertThat(brokerConfig).containsEntry("default.replication.factor", replication).containsEntry("min.insync.replicas", minInsync)
                .containsEntry("offsets.topic.replication.factor", replication).containsEntry("transaction.state.log.min.isr", minInsync);
    }

    @Test
    void everyTopicTheServicesUseIsDeclaredWithTheirPartitionsReplicationAndARetention() throws IOException {
        Set<String> expected = new TreeSet<>();
        Set<String> consumed = new TreeSet<>();
        for (String service : WITH_DATABASE) {
            Map<String, Object> messaging = messaging(Kustomize.REPO.resolve(service + "/src/main/resources/application.yml"));
            expected.addAll(list(messaging.get("publishes")));
            consumed.addAll(list(messaging.get("consumes")));
        }
        expected.addAll(consumed);
        consumed.forEach(t -> expected.add(t + ".dlq"));
        assertThat(expected).contains("kirana.order.events", "kirana.order.events.dlq");

        String kafka = Documents.all(OVERLAY, Kafka.class).get(0).getMetadata().getName();
        List<KafkaTopic> topics = Documents.all(OVERLAY, KafkaTopic.class);
        Set<String> declared = topics.stream().map(t -> t.getSpec().getTopicName()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).isEqualTo(expected);
        int partitions = defaultPartitions();
        int minInsync = Integer.parseInt(config().get("KIRANA_KAFKA_MIN_INSYNC_REPLICAS"));
        int replication = Integer.parseInt(config().get("KIRANA_KAFKA_REPLICATION_FACTOR"));
        for (KafkaTopic t : topics) {
            String topic = t.getSpec().getTopicName();
            assertThat(t.getMetadata().getLabels()).as(topic).containsEntry("strimzi.io/cluster", kafka);
            assertThat(t.getSpec().getPartitions()).as(topic).isEqualTo(partitions);
            assertThat(t.getSpec().getReplicas()).as(topic).isEqualTo(replication);
            assertThat(t.getSpec().getConfig()).as(topic).containsEntry("min.insync.replicas", minInsync);
            Number retention = (Number) t.getSpec().getConfig().get("retention.ms");
            if (topic.endsWith(".dlq")) {
                assertThat(retention.longValue()).as(topic).isPositive();
            } else {
                assertThat(retention.longValue()).as(topic + ": reporting-service rebuilds its read models from the whole topic").isEqualTo(-1L);
            }
        }
    }

    /** kirana.messaging.partitions: the default of MessagingProperties, since no service sets it. */
    static int defaultPartitions() throws IOException {
        String source = Files.readString(Kustomize.REPO.resolve(
                "platform/messaging/src/main/java/dev/kirana/messaging/MessagingProperties.java"));
        Matcher m = Pattern.compile("@DefaultValue\\(\"(\\d+)\"\\)\\s+int partitions").matcher(source);
        assertThat(m.find()).as("MessagingProperties declares the partitions' default").isTrue();
        return Integer.parseInt(m.group(1));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> messaging(Path applicationYml) throws IOException {
        try (Reader in = Files.newBufferedReader(applicationYml)) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> kirana = (Map<String, Object>) root.get("kirana");
            assertThat(kirana).as(applicationYml.toString()).isNotNull();
            Map<String, Object> messaging = (Map<String, Object>) kirana.get("messaging");
            assertThat(messaging).as(applicationYml + " kirana.messaging").isNotNull();
            assertThat(messaging).as(applicationYml + ": no service overrides the partitions").doesNotContainKey("partitions");
            return messaging;
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
