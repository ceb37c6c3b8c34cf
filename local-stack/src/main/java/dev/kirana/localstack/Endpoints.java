package dev.kirana.localstack;

import java.util.Map;

/**
 * Where the services find PostgreSQL and Kafka. By default the launcher runs both itself; when
 * the launcher's environment already names a database host ({@code KIRANA_DB_HOST}) or a Kafka
 * bootstrap ({@code KIRANA_KAFKA_BOOTSTRAP}) that server is used instead and not started, so
 * pointing the suite at external infrastructure is configuration only.
 *
 * @param dbHost          PostgreSQL host
 * @param dbPort          PostgreSQL port
 * @param dbUser          PostgreSQL user
 * @param dbPassword      PostgreSQL password (empty for the embedded server, which trusts local users)
 * @param externalDb      whether PostgreSQL is external (not started by the launcher)
 * @param kafkaBootstrap  Kafka bootstrap servers
 * @param externalKafka   whether Kafka is external (not started by the launcher)
 */
public record Endpoints(String dbHost, int dbPort, String dbUser, String dbPassword, boolean externalDb,
                        String kafkaBootstrap, boolean externalKafka) {

    static final String LOOPBACK = "127.0.0.1";
    static final String DEFAULT_DB_USER = "postgres";

    /** Resolves the endpoints from the launcher's environment and the stack's port layout. */
    public static Endpoints resolve(Map<String, String> env, PortLayout ports) {
        String dbHost = blankToNull(env.get("KIRANA_DB_HOST"));
        boolean externalDb = dbHost != null;
        int dbPort = ports.postgres();
        String dbUser = DEFAULT_DB_USER;
        String dbPassword = "";
        if (externalDb) {
            String port = blankToNull(env.get("KIRANA_DB_PORT"));
            dbPort = port == null ? 5432 : parsePort("KIRANA_DB_PORT", port);
            dbUser = blankToNull(env.get("KIRANA_DB_USER")) == null ? DEFAULT_DB_USER : env.get("KIRANA_DB_USER");
            dbPassword = env.getOrDefault("KIRANA_DB_PASSWORD", "");
        } else {
            dbHost = LOOPBACK;
        }
        String bootstrap = blankToNull(env.get("KIRANA_KAFKA_BOOTSTRAP"));
        boolean externalKafka = bootstrap != null;
        if (!externalKafka) {
            bootstrap = LOOPBACK + ":" + ports.kafka();
        }
        return new Endpoints(dbHost, dbPort, dbUser, dbPassword, externalDb, bootstrap, externalKafka);
    }

    /** JDBC URL of one database, for the launcher's own administrative connections. */
    public String jdbcUrl(String database) {
        String host = dbHost.contains(":") && !dbHost.startsWith("[") ? "[" + dbHost + "]" : dbHost;
        return "jdbc:postgresql://" + host + ":" + dbPort + "/" + database;
    }

    private static int parsePort(String variable, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " is not a port number: '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
