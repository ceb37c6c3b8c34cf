package dev.kirana.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;
import reactor.test.StepVerifier;

/** Start-up wiring: topics and dead-letter twins exist, readiness follows the broker, the relay bean obeys its switch, listeners commit asynchronously. */
class MessagingInfrastructureTest extends MessagingTestSupport {
    @Autowired KafkaReadinessIndicator readiness;
    @Autowired ApplicationContext context;

    @Test
    void publishedTopicsAndDeadLetterTwinsOfConsumedTopicsAreCreatedWithTheConfiguredPartitionsAndMinInsyncReplicas() throws Exception {
        String orderDlq = Topics.deadLetter(Topics.ORDER);
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            var names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertThat(names).contains(MessagingTestApplication.TOPIC, Topics.deadLetter(MessagingTestApplication.TOPIC), Topics.ORDER);
            assertThat(names).as("a topic only published gets no dead-letter twin").doesNotContain(orderDlq);

            Map<String, TopicDescription> described = admin.describeTopics(List.of(MessagingTestApplication.TOPIC,
                    Topics.deadLetter(MessagingTestApplication.TOPIC), Topics.ORDER)).allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(described.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(3));

            // min.insync.replicas is set on the topic itself (not left to the broker's default)
            var resources = described.keySet().stream()
                    .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(10, TimeUnit.SECONDS);
            assertThat(configs.values()).allSatisfy(c -> {
                ConfigEntry minIsr = c.get("min.insync.replicas");
                assertThat(minIsr.value()).isEqualTo("1");
                assertThat(minIsr.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            });
            // event topics keep every record (the read models are rebuilt from offset 0); dead letters 30 days
            configs.forEach((resource, c) -> assertThat(c.get("retention.ms").value()).as(resource.name())
                    .isEqualTo(resource.name().endsWith(".dlq") ? "2592000000" : "-1"));
        }
    }

    @Test
    void listenersCommitTheirOffsetsWithoutWaitingForTheBroker() {
        var registry = context.getBean(org.springframework.kafka.config.KafkaListenerEndpointRegistry.class);
        assertThat(registry.getListenerContainers()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.getContainerProperties().isSyncCommits()).as(c.getListenerId()).isFalse());
    }

    @Test
    void readinessIsUpWhenTheBrokerAnswers() {
        StepVerifier.create(readiness.health(true))
                .assertNext(health -> {
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsKey("clusterId").containsEntry("nodes", 1);
                })
                .verifyComplete();
        assertThat(context.getBeansOfType(KafkaReadinessIndicator.class)).containsKey("kafkaHealthIndicator");
    }

    @Test
    void readinessIsDownWhenNoBrokerAnswers() throws Exception {
        // nothing listens on a port we just freed
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
        var indicator = new KafkaReadinessIndicator(admin);
        try {
            Health health = indicator.health(true).block(Duration.ofSeconds(20));
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void theRelayBeanIsOffWhenDisabledAndTheOtherBeansAreThere() {
        assertThat(context.getBeansOfType(OutboxRelay.class)).isEmpty();
        assertThat(context.getBeansOfType(OutboxWriter.class)).hasSize(1);
        assertThat(context.getBeansOfType(InboxProcessor.class)).hasSize(1);
        assertThat(outbox.source()).isEqualTo(MessagingTestApplication.NAME);
    }
}
