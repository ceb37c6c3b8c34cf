package dev.kirana.localstack;

/**
 * The ports one stack uses. Everything is shifted by the same offset so that a second stack
 * (for example the one the system tests start) can run beside a developer's stack.
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

    public PortLayout {
        int lowest = Math.min(POSTGRES_BASE, ServiceDef.ALL.stream().mapToInt(ServiceDef::basePort).min().orElseThrow());
        int highest = KAFKA_BASE + 1;
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

    public String serviceUrl(String name) {
        return "http://127.0.0.1:" + service(name);
    }
}
