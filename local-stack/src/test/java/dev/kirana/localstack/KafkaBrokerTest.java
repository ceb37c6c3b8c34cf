package dev.kirana.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @Test
    void singleNodeKraftConfigurationOnTheLayoutPorts() throws IOException {
        Properties props = new Properties();
        props.load(new StringReader(KafkaBroker.serverProperties(new PortLayout(100), Path.of("/s/kafka/data"))));

        assertThat(props.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(props.getProperty("node.id")).isEqualTo("1");
        assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19193");
        assertThat(props.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19192,CONTROLLER://127.0.0.1:19193");
        assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19192");
        assertThat(props.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(props.getProperty("inter.broker.listener.name")).isEqualTo("PLAINTEXT");
        assertThat(props.getProperty("log.dirs")).isEqualTo("/s/kafka/data");
        assertThat(props.getProperty("auto.create.topics.enable")).isEqualTo("true");
        assertThat(props.getProperty("num.partitions")).isEqualTo("3");
        assertThat(props.getProperty("group.initial.rebalance.delay.ms")).isEqualTo("0");
        assertThat(props.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(props.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(props.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(props.getProperty("share.coordinator.state.topic.replication.factor")).isEqualTo("1");
    }

    @Test
    void everyEventTopicHasADeadLetterTwin() {
        assertThat(KafkaBroker.allTopics()).containsExactly(
                "kirana.shop.events", "kirana.shop.events.dlq",
                "kirana.catalog.events", "kirana.catalog.events.dlq",
                "kirana.inventory.events", "kirana.inventory.events.dlq",
                "kirana.order.events", "kirana.order.events.dlq",
                "kirana.accounting.events", "kirana.accounting.events.dlq",
                "kirana.audit.events", "kirana.audit.events.dlq");
    }

    @Test
    void brokerCommandRunsKafkaKafkaOnTheGeneratedProperties() {
        var command = KafkaBroker.command("/jdk/bin/java", 17, Path.of("/s"), "/lib/*");
        assertThat(command.get(0)).isEqualTo("/jdk/bin/java");
        assertThat(command).containsSubsequence("-cp", "/lib/*", "kafka.Kafka", "/s/kafka/server.properties");
        assertThat(command).contains("-Xmx512m");
    }
}
