package dev.kirana.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortLayoutTest {

    @Test
    void defaultPorts() {
        PortLayout ports = PortLayout.defaults();
        assertThat(ports.postgres()).isEqualTo(15432);
        assertThat(ports.kafka()).isEqualTo(19092);
        assertThat(ports.kafkaController()).isEqualTo(19093);
        assertThat(ports.service("gateway")).isEqualTo(8080);
        assertThat(ports.service("auth-service")).isEqualTo(8081);
        assertThat(ports.service("catalog-service")).isEqualTo(8082);
        assertThat(ports.service("inventory-service")).isEqualTo(8083);
        assertThat(ports.service("order-service")).isEqualTo(8084);
        assertThat(ports.service("accounting-service")).isEqualTo(8085);
        assertThat(ports.service("reporting-service")).isEqualTo(8086);
        assertThat(ports.serviceUrl("order-service")).isEqualTo("http://127.0.0.1:8084");
        assertThat(ports.management("gateway")).isEqualTo(18080);
        assertThat(ports.management("auth-service")).isEqualTo(18081);
        assertThat(ports.management("reporting-service")).isEqualTo(18086);
        assertThat(ports.managementUrl("order")).isEqualTo("http://127.0.0.1:18084");
    }

    @Test
    void offsetShiftsEveryPort() {
        PortLayout ports = new PortLayout(100);
        assertThat(ports.postgres()).isEqualTo(15532);
        assertThat(ports.kafka()).isEqualTo(19192);
        assertThat(ports.kafkaController()).isEqualTo(19193);
        assertThat(ports.service("gateway")).isEqualTo(8180);
        assertThat(ports.serviceUrl("reporting")).isEqualTo("http://127.0.0.1:8186");
        assertThat(ports.management("gateway")).isEqualTo(18180);
        assertThat(new PortLayout(1000).managementUrl("reporting")).isEqualTo("http://127.0.0.1:19086");
    }

    @Test
    void everyPortOfALayoutIsDistinct() {
        PortLayout ports = PortLayout.defaults();
        java.util.Set<Integer> all = new java.util.HashSet<>();
        all.add(ports.postgres());
        all.add(ports.kafka());
        all.add(ports.kafkaController());
        ServiceDef.ALL.forEach(s -> all.add(ports.service(s)));
        ServiceDef.ALL.forEach(s -> all.add(ports.management(s)));
        assertThat(all).hasSize(3 + 2 * ServiceDef.ALL.size());
    }

    /**
     * A developer's stack (offset 0), the system tests' (1000), the bench's (2000) and more beside them (3000, 4000) run
     * at the same time without sharing a port, with each other or with a local Keycloak (8180) and its management port
     * (9000), nor with the 9090 that containers use (compose and Kubernetes publish no other).
     */
    @Test
    void stacksThatRunSideBySideShareNoPort() {
        java.util.Map<Integer, String> taken = new java.util.HashMap<>();
        taken.put(8180, "keycloak");
        taken.put(9000, "keycloak management");
        taken.put(9090, "container management port");
        for (int offset : new int[]{0, 1000, 2000, 3000, 4000}) {
            PortLayout ports = new PortLayout(offset);
            java.util.Map<String, Integer> mine = new java.util.LinkedHashMap<>();
            mine.put("postgres", ports.postgres());
            mine.put("kafka", ports.kafka());
            mine.put("kafka controller", ports.kafkaController());
            for (ServiceDef s : ServiceDef.ALL) {
                mine.put(s.name(), ports.service(s));
                mine.put(s.name() + " management", ports.management(s));
            }
            for (var e : mine.entrySet()) {
                String before = taken.put(e.getValue(), "offset " + offset + " " + e.getKey());
                assertThat(before).as("port %d of offset %d %s", e.getValue(), offset, e.getKey()).isNull();
            }
        }
    }

    @Test
    void offsetMustKeepPortsInRange() {
        assertThatThrownBy(() -> new PortLayout(-7100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortLayout(46443)).isInstanceOf(IllegalArgumentException.class);
        // the management ports stay below Kafka's controller port, so they never limit the offset further
        assertThat(new PortLayout(46442).kafkaController()).isEqualTo(65535);
    }

    @Test
    void unknownServiceIsReportedWithTheKnownOnes() {
        assertThatThrownBy(() -> PortLayout.defaults().service("billing"))
                .hasMessageContaining("unknown service 'billing'")
                .hasMessageContaining("order-service");
    }
}
