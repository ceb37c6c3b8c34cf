package dev.kirana.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What {@code ./kirana up} prints once the stack is ready. */
final class Banner {

    static final String DEMO_USER = "owner@demo.kirana";
    static final String DEMO_PASSWORD = "kirana-demo";

    private Banner() {
    }

    static List<String> lines(PortLayout ports, Endpoints endpoints, boolean infraOnly, Path stateDir,
                              Duration elapsed) {
        List<String> lines = new ArrayList<>();
        String time = elapsed == null ? "" : String.format(" in %.1f s", elapsed.toMillis() / 1000.0);
        lines.add("");
        if (infraOnly) {
            lines.add("Kirana infrastructure is ready" + time + " (no services started: --infra-only)");
        } else {
            String gateway = ports.serviceUrl(ServiceDef.GATEWAY);
            lines.add("Kirana is up" + time + ".");
            lines.add("  Open         " + gateway + "/console/   (the shop's back office and counter, in a browser)");
            lines.add("  Gateway      " + gateway);
            lines.add("  Swagger UI   " + gateway + "/swagger-ui.html");
            lines.add("  Log in       (demo shop owner " + DEMO_USER + " / " + DEMO_PASSWORD + ")");
            lines.add("    curl -s -X POST " + gateway + "/api/v1/auth/login -H 'Content-Type: application/json' "
                    + "-d '{\"username\":\"" + DEMO_USER + "\",\"password\":\"" + DEMO_PASSWORD + "\"}'");
            StringBuilder services = new StringBuilder();
            for (ServiceDef def : ServiceDef.ALL) {
                if (!def.name().equals(ServiceDef.GATEWAY)) {
                    services.append(services.length() == 0 ? "" : "  ").append(def.name()).append(" :")
                            .append(ports.service(def));
                }
            }
            lines.add("  Services     " + services);
            lines.add("  Management   actuator of each service on its port + " + PortLayout.MANAGEMENT_SHIFT + " (gateway :"
                    + ports.management(ServiceDef.GATEWAY) + ", reporting-service :"
                    + ports.management("reporting-service") + "), e.g. " + ports.managementUrl(ServiceDef.GATEWAY)
                    + Readiness.READINESS_PATH);
        }
        lines.add("  PostgreSQL   " + endpoints.dbHost() + ":" + endpoints.dbPort() + " user " + endpoints.dbUser()
                + (endpoints.externalDb() ? " (external)" : ", no password") + "; databases "
                + String.join(", ", ServiceDef.databases()));
        lines.add("  Kafka        " + endpoints.kafkaBootstrap() + (endpoints.externalKafka() ? " (external)" : "")
                + "; topics kirana.<shop|catalog|inventory|order|accounting>.events (+ .dlq)");
        lines.add("  Logs         " + stateDir.resolve("logs") + "   (./kirana logs <name> -f)");
        lines.add("  Stop         Ctrl-C in the foreground, ./kirana down when detached");
        return lines;
    }
}
