package dev.kirana.web.production;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;

/**
 * Actuator must have a port of its own ({@code KIRANA_MANAGEMENT_PORT}): on the service's public port it would answer
 * health, Prometheus and any operator endpoint to whoever reaches the service, through the gateway's network too.
 */
public class ManagementPortProductionCheck implements ProductionCheck {

    @Override
    public void check(Environment env, Findings findings) {
        switch (ManagementPortType.get(env)) {
            case SAME -> findings.add("KIRANA_MANAGEMENT_PORT (management.server.port)",
                    env.getProperty("management.server.port") == null
                            ? "is not set, so actuator (health, Prometheus) would answer on the service's public port"
                            : "is the service's own port, so actuator (health, Prometheus) would answer on the public port",
                    "Set it to a port of its own (9090 in the image, docker-compose and Kubernetes), reachable only by "
                            + "the kubelet and the metrics scraper");
            case DISABLED -> findings.add("KIRANA_MANAGEMENT_PORT (management.server.port)",
                    "is -1, so nothing answers the readiness and liveness probes",
                    "Set it to a port of its own (9090 in the image, docker-compose and Kubernetes)");
            case DIFFERENT -> {
            }
        }
    }
}
