package dev.kirana.testing;

/** The Testcontainers path: used only where a Docker engine answers. Kept apart so that the classes load only then. */
final class ContainerServers {
    static boolean dockerAvailable() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory");
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    static TestInfrastructure.Postgres postgres() {
        var pg = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:17-alpine")
                .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
        pg.start();
        return new TestInfrastructure.Postgres(pg.getHost(), pg.getMappedPort(5432), pg.getUsername(), pg.getPassword());
    }

    static String kafka() {
        var kafka = new org.testcontainers.kafka.KafkaContainer("apache/kafka:4.1.2");
        kafka.start();
        return kafka.getBootstrapServers();
    }

    private ContainerServers() {
    }
}
