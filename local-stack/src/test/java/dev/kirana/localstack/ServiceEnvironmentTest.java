package dev.kirana.localstack;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ServiceEnvironmentTest {

    private final PortLayout ports = new PortLayout(100);

    @Test
    void domainServiceGetsPortDatabaseKafkaAndIssuer() {
        Map<String, String> env = ServiceEnvironment.forService(Map.of("PATH", "/bin"),
                ServiceDef.require("order-service"), ports, Endpoints.resolve(Map.of(), ports));

        assertThat(env).containsOnly(
                entry("SERVER_PORT", "8184"),
                entry("KIRANA_MANAGEMENT_PORT", "18184"),
                entry("KIRANA_DB_HOST", "127.0.0.1"),
                entry("KIRANA_DB_PORT", "15532"),
                entry("KIRANA_DB_NAME", "kirana_order"),
                entry("KIRANA_DB_USER", "postgres"),
                entry("KIRANA_DB_PASSWORD", ""),
                entry("KIRANA_KAFKA_BOOTSTRAP", "127.0.0.1:19192"),
                entry("KIRANA_AUTH_URL", "http://127.0.0.1:8181"));
    }

    @Test
    void gatewayGetsEveryServiceUrlAndNoDatabase() {
        Map<String, String> env = ServiceEnvironment.forService(Map.of("KIRANA_DB_NAME", "stray"),
                ServiceDef.require("gateway"), ports, Endpoints.resolve(Map.of(), ports));

        assertThat(env).doesNotContainKey("KIRANA_DB_NAME")
                .containsEntry("SERVER_PORT", "8180")
                .containsEntry("KIRANA_AUTH_URL", "http://127.0.0.1:8181")
                .containsEntry("KIRANA_AUTH_SERVICE_URL", "http://127.0.0.1:8181")
                .containsEntry("KIRANA_CATALOG_SERVICE_URL", "http://127.0.0.1:8182")
                .containsEntry("KIRANA_INVENTORY_SERVICE_URL", "http://127.0.0.1:8183")
                .containsEntry("KIRANA_ORDER_SERVICE_URL", "http://127.0.0.1:8184")
                .containsEntry("KIRANA_ACCOUNTING_SERVICE_URL", "http://127.0.0.1:8185")
                .containsEntry("KIRANA_REPORTING_SERVICE_URL", "http://127.0.0.1:8186")
                .doesNotContainKey("KIRANA_GATEWAY_URL")
                .doesNotContainKey("KIRANA_REDIS_URL");
    }

    @Test
    void kiranaVariablesPassThroughButTheStackLayoutWins() {
        Map<String, String> launcher = Map.of(
                "KIRANA_REDIS_URL", "redis://127.0.0.1:6379",
                "KIRANA_FEATURE_X", "on",
                "SERVER_PORT", "1",
                "KIRANA_MANAGEMENT_PORT", "9090",
                "KIRANA_AUTH_URL", "http://elsewhere",
                "HOME", "/root");
        Map<String, String> env = ServiceEnvironment.forService(launcher, ServiceDef.require("gateway"), ports,
                Endpoints.resolve(launcher, ports));

        assertThat(env).containsEntry("KIRANA_REDIS_URL", "redis://127.0.0.1:6379")
                .containsEntry("KIRANA_FEATURE_X", "on")
                .containsEntry("SERVER_PORT", "8180")
                .containsEntry("KIRANA_MANAGEMENT_PORT", "18180")
                .containsEntry("KIRANA_AUTH_URL", "http://127.0.0.1:8181")
                .doesNotContainKey("HOME");
    }

    @Test
    void externalInfrastructureReachesTheServices() {
        Map<String, String> launcher = Map.of("KIRANA_DB_HOST", "db", "KIRANA_DB_PORT", "6543",
                "KIRANA_DB_USER", "app", "KIRANA_DB_PASSWORD", "pw", "KIRANA_KAFKA_BOOTSTRAP", "kafka:9092");
        Map<String, String> env = ServiceEnvironment.forService(launcher, ServiceDef.require("catalog"), ports,
                Endpoints.resolve(launcher, ports));

        assertThat(env).containsEntry("KIRANA_DB_HOST", "db")
                .containsEntry("KIRANA_DB_PORT", "6543")
                .containsEntry("KIRANA_DB_USER", "app")
                .containsEntry("KIRANA_DB_PASSWORD", "pw")
                .containsEntry("KIRANA_DB_NAME", "kirana_catalog")
                .containsEntry("KIRANA_KAFKA_BOOTSTRAP", "kafka:9092");
    }

    @Test
    void applyReplacesInheritedKiranaVariables() {
        Map<String, String> process = new HashMap<>(Map.of("PATH", "/bin", "KIRANA_OLD", "x", "SERVER_PORT", "9"));
        ServiceEnvironment.apply(process, Map.of("SERVER_PORT", "8081", "KIRANA_DB_NAME", "kirana_auth"));

        assertThat(process).containsOnly(entry("PATH", "/bin"), entry("SERVER_PORT", "8081"),
                entry("KIRANA_DB_NAME", "kirana_auth"));
    }
}
