package dev.kirana.localstack;

/**
 * The ports one stack uses. Everything is shifted by the same offset so that a second stack
 * (for example the one the system tests start) can run beside a developer's stack.
 *
 * <p>Each service has a second port, its management port (actuator: probes, Prometheus), at its
 * HTTP port plus {@link #MANAGEMENT_SHIFT}: 18080–18086 at offset 0, 19080–19086 for the system
 * tests (offset 1000), 20080–20086 for the bench (2000). Those never meet another stack's HTTP
 * ports (8080–8086 + offset), PostgreSQL (15432 + offset), Kafka (19092/19093 + offset) or a local
 * Keycloak (8180) for the offsets in use, which are multiples of 1000.
 *
 * <p>Kafka uses two adjacent ports: the client listener and, one above it, the KRaft controller
 * listener. Offsets should therefore differ by at least 2 between stacks that run side by side.
 *
 * @param offset the shift applied to every default port
 */
public record PortLayout(int offset) {

    /** PostgreSQL port at offset 0. */
    public static final int POSTGRES_BASE = 15432;
    /** Kafka client (PLAINTEXT) port at offset 0; the controller listens one above. */
    public static final int KAFKA_BASE = 19092;
    /** A service's management port is its HTTP port plus this. */
    public static final int MANAGEMENT_SHIFT = 10000;

    public PortLayout {
        int lowest = Math.min(POSTGRES_BASE, ServiceDef.ALL.stream().mapToInt(ServiceDef::basePort).min().orElseThrow());
        int highest = Math.max(KAFKA_BASE + 1,
                ServiceDef.ALL.stream().mapToInt(ServiceDef::basePort).max().orElseThrow() + MANAGEMENT_SHIFT);
        if (lowest + offset < 1024 || highest + offset > 65535) {
            throw new IllegalArgumentException("port offset " + offset + " moves ports outside 1024..65535");
        }
    }

    /** The default layout (offset 0). */
    public static PortLayout defaults() {
        return new PortLayout(0);
    }

    public int postgres() {
        return POSTGRES_BASE + offset;
    }

    public int kafka() {
        return KAFKA_BASE + offset;
    }

    public int kafkaController() {
        return KAFKA_BASE + 1 + offset;
    }

    public int service(ServiceDef service) {
        return service.basePort() + offset;
    }

    public int service(String name) {
        return service(ServiceDef.require(name));
    }

    /** The service's management port (actuator: readiness, liveness, Prometheus); never its public port. */
    public int management(ServiceDef service) {
        return service.basePort() + MANAGEMENT_SHIFT + offset;
    }

    public int management(String name) {
        return management(ServiceDef.require(name));
    }

    public String managementUrl(String name) {
        return "http://127.0.0.1:" + management(name);
    }

    public String serviceUrl(String name) {
        return "http://127.0.0.1:" + service(name);
    }
}
