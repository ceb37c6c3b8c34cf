package dev.kirana.localstack;

import java.util.List;
import java.util.Optional;

/**
 * One Kirana service as the launcher knows it: its module name (which is also its jar name, log
 * name and process name), its default HTTP port, its database and the start wave it belongs to.
 *
 * <p>Waves express the preferred start order (auth first because every other service validates
 * tokens against its JWKS, the gateway last because it fronts the others). Services of one wave
 * may start in parallel.
 *
 * @param name     module / artifact name, e.g. {@code order-service}
 * @param basePort HTTP port at port offset 0
 * @param database database the service owns, or {@code null} for the gateway
 * @param wave     start wave, lower starts earlier
 */
public record ServiceDef(String name, int basePort, String database, int wave) {

    /** Every service, in start order. */
    public static final List<ServiceDef> ALL = List.of(
            new ServiceDef("auth-service", 8081, "kirana_auth", 1),
            new ServiceDef("catalog-service", 8082, "kirana_catalog", 2),
            new ServiceDef("inventory-service", 8083, "kirana_inventory", 2),
            new ServiceDef("order-service", 8084, "kirana_order", 2),
            new ServiceDef("accounting-service", 8085, "kirana_accounting", 2),
            new ServiceDef("reporting-service", 8086, "kirana_reporting", 2),
            new ServiceDef("gateway", 8080, null, 3));

    /** Name of the gateway service. */
    public static final String GATEWAY = "gateway";

    /** Name of the auth service (token issuer). */
    public static final String AUTH = "auth-service";

    /** Version of the service artifacts the launcher runs. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    /** Every database the stack needs, in service order. */
    public static List<String> databases() {
        return ALL.stream().map(ServiceDef::database).filter(d -> d != null).toList();
    }

    /** Every service name, in start order. */
    public static List<String> names() {
        return ALL.stream().map(ServiceDef::name).toList();
    }

    /**
     * Looks a service up by name; the {@code -service} suffix may be left out, so {@code order}
     * finds {@code order-service}.
     */
    public static Optional<ServiceDef> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return ALL.stream()
                .filter(s -> s.name.equals(name) || s.name.equals(name + "-service"))
                .findFirst();
    }

    /** Like {@link #find(String)} but fails with a message listing the known services. */
    public static ServiceDef require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown service '" + name + "'; known services: " + String.join(", ", names())));
    }

    /** The runnable Spring Boot jar the service module builds. */
    public String execJarName() {
        return name + "-" + VERSION + "-exec.jar";
    }
}
