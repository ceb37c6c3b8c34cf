package dev.kirana.localstack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the environment a service process gets. The services read their whole runtime
 * configuration from these variables, so this class is the contract between launcher and services.
 */
public final class ServiceEnvironment {

    /** Prefix of every variable the launcher owns or passes through. */
    public static final String PREFIX = "KIRANA_";

    private ServiceEnvironment() {
    }

    /**
     * The variables for one service. Any {@code KIRANA_*} variable of the launcher's own
     * environment is passed through (so external Redis, extra switches and the like are plain
     * configuration); the per-stack values computed here win over passed-through ones because a
     * service's port, database and peers are fixed by the stack layout.
     *
     * @param launcherEnv the launcher's environment
     * @param service     the service to start
     * @param ports       the stack's port layout
     * @param endpoints   where PostgreSQL and Kafka are
     * @return the variables to set, sorted by name (the caller removes inherited {@code KIRANA_*} first)
     */
    public static Map<String, String> forService(Map<String, String> launcherEnv, ServiceDef service,
                                                 PortLayout ports, Endpoints endpoints) {
        Map<String, String> env = new TreeMap<>();
        launcherEnv.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                env.put(key, value);
            }
        });
        Map<String, String> computed = new LinkedHashMap<>();
        computed.put("SERVER_PORT", Integer.toString(ports.service(service)));
        computed.put("KIRANA_MANAGEMENT_PORT", Integer.toString(ports.management(service)));
        computed.put("KIRANA_DB_HOST", endpoints.dbHost());
        computed.put("KIRANA_DB_PORT", Integer.toString(endpoints.dbPort()));
        computed.put("KIRANA_DB_USER", endpoints.dbUser());
        computed.put("KIRANA_DB_PASSWORD", endpoints.dbPassword());
        computed.put("KIRANA_KAFKA_BOOTSTRAP", endpoints.kafkaBootstrap());
        computed.put("KIRANA_AUTH_URL", ports.serviceUrl(ServiceDef.AUTH));
        if (service.database() != null) {
            computed.put("KIRANA_DB_NAME", service.database());
        } else {
            // the gateway owns no database; a passed-through name would only mislead it
            env.remove("KIRANA_DB_NAME");
        }
        if (ServiceDef.GATEWAY.equals(service.name())) {
            for (ServiceDef target : ServiceDef.ALL) {
                if (!target.name().equals(ServiceDef.GATEWAY)) {
                    computed.put(urlVariable(target), ports.serviceUrl(target.name()));
                }
            }
        }
        env.putAll(computed);
        return env;
    }

    /**
     * Applies {@link #forService} output to a process environment inherited from the launcher:
     * inherited {@code KIRANA_*} variables are dropped first so that only the computed set remains.
     */
    public static void apply(Map<String, String> processEnv, Map<String, String> serviceEnv) {
        processEnv.keySet().removeIf(key -> key.startsWith(PREFIX));
        processEnv.remove("SERVER_PORT");
        processEnv.putAll(serviceEnv);
    }

    /** {@code order-service} becomes {@code KIRANA_ORDER_SERVICE_URL}. */
    static String urlVariable(ServiceDef service) {
        return PREFIX + service.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL";
    }
}
