package dev.kirana.localstack;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointsTest {

    @Test
    void embeddedByDefault() {
        Endpoints endpoints = Endpoints.resolve(Map.of(), new PortLayout(10));
        assertThat(endpoints.externalDb()).isFalse();
        assertThat(endpoints.externalKafka()).isFalse();
        assertThat(endpoints.dbHost()).isEqualTo("127.0.0.1");
        assertThat(endpoints.dbPort()).isEqualTo(15442);
        assertThat(endpoints.dbUser()).isEqualTo("postgres");
        assertThat(endpoints.dbPassword()).isEmpty();
        assertThat(endpoints.kafkaBootstrap()).isEqualTo("127.0.0.1:19102");
        assertThat(endpoints.jdbcUrl("kirana_order")).isEqualTo("jdbc:postgresql://127.0.0.1:15442/kirana_order");
    }

    @Test
    void externalPostgresFromTheEnvironment() {
        Endpoints endpoints = Endpoints.resolve(Map.of("KIRANA_DB_HOST", "db.internal", "KIRANA_DB_PORT", "6432",
                "KIRANA_DB_USER", "kirana", "KIRANA_DB_PASSWORD", "s3cret"), PortLayout.defaults());
        assertThat(endpoints.externalDb()).isTrue();
        assertThat(endpoints.externalKafka()).isFalse();
        assertThat(endpoints.dbHost()).isEqualTo("db.internal");
        assertThat(endpoints.dbPort()).isEqualTo(6432);
        assertThat(endpoints.dbUser()).isEqualTo("kirana");
        assertThat(endpoints.dbPassword()).isEqualTo("s3cret");
    }

    @Test
    void externalPostgresDefaultsToTheStandardPortAndUser() {
        Endpoints endpoints = Endpoints.resolve(Map.of("KIRANA_DB_HOST", "::1"), PortLayout.defaults());
        assertThat(endpoints.dbPort()).isEqualTo(5432);
        assertThat(endpoints.dbUser()).isEqualTo("postgres");
        assertThat(endpoints.jdbcUrl("postgres")).isEqualTo("jdbc:postgresql://[::1]:5432/postgres");
    }

    @Test
    void externalKafkaFromTheEnvironment() {
        Endpoints endpoints = Endpoints.resolve(Map.of("KIRANA_KAFKA_BOOTSTRAP", "k1:9092,k2:9092"),
                PortLayout.defaults());
        assertThat(endpoints.externalKafka()).isTrue();
        assertThat(endpoints.externalDb()).isFalse();
        assertThat(endpoints.kafkaBootstrap()).isEqualTo("k1:9092,k2:9092");
    }

    @Test
    void blankVariablesCountAsUnset() {
        Endpoints endpoints = Endpoints.resolve(Map.of("KIRANA_DB_HOST", " ", "KIRANA_KAFKA_BOOTSTRAP", ""),
                PortLayout.defaults());
        assertThat(endpoints.externalDb()).isFalse();
        assertThat(endpoints.externalKafka()).isFalse();
    }

    @Test
    void badPortIsReported() {
        assertThatThrownBy(() -> Endpoints.resolve(Map.of("KIRANA_DB_HOST", "db", "KIRANA_DB_PORT", "x"),
                PortLayout.defaults())).hasMessageContaining("KIRANA_DB_PORT");
    }
}
