package dev.kirana.k8s;

import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusNamingConvention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus series the suite exports that the alerts and the dashboard may read, each from a Micrometer meter
 * and with where it comes from: a file of this repository that must declare it (the Kirana meters, and what brings in
 * the circuit breakers' and the Kafka clients' meters), or Spring Boot's own instrumentation of every service.
 * The Prometheus names are derived with Micrometer's own naming convention, as the registry exports them.
 */
final class KnownMetrics {
    /** A meter, and a file that must contain each of the given strings for the meter to exist. */
    record Meter_(String name, Meter.Type type, String baseUnit, String file, List<String> evidence) {
    }

    static final String SPRING_BOOT = "(Spring Boot's instrumentation)";

    static final List<Meter_> METERS = List.of(
            new Meter_("kirana.outbox.oldest.unsent.age", Meter.Type.GAUGE, "seconds",
                    "platform/messaging/src/main/java/dev/kirana/messaging/OutboxRelay.java",
                    List.of("\"kirana.outbox.oldest.unsent.age\"", ".baseUnit(\"seconds\")")),
            new Meter_("kirana.outbox.published", Meter.Type.COUNTER, null,
                    "platform/messaging/src/main/java/dev/kirana/messaging/OutboxRelay.java", List.of("Counter.builder(\"kirana.outbox.published\")")),
            new Meter_("kirana.outbox.failures", Meter.Type.COUNTER, null,
                    "platform/messaging/src/main/java/dev/kirana/messaging/OutboxRelay.java", List.of("Counter.builder(\"kirana.outbox.failures\")")),
            new Meter_("kirana.messaging.dead-lettered", Meter.Type.COUNTER, null,
                    "platform/messaging/src/main/java/dev/kirana/messaging/MessagingAutoConfiguration.java",
                    List.of("counter(\"kirana.messaging.dead-lettered\", \"topic\"")),
            new Meter_("kirana.reporting.consumer.lag", Meter.Type.GAUGE, null,
                    "reporting-service/src/main/java/dev/kirana/reporting/readmodel/ConsumerLag.java",
                    List.of("Gauge.builder(\"kirana.reporting.consumer.lag\"", ".tag(\"topic\"")),
            new Meter_("kirana.http.server.timeouts", Meter.Type.COUNTER, null,
                    "platform/web/src/main/java/dev/kirana/web/RequestTimeLimitFilter.java",
                    List.of("Counter.builder(\"kirana.http.server.timeouts\")")),
            // Kafka client metrics (records-lag-max …): Boot's Kafka metrics customizer, which platform/messaging applies
            // to the consumer factory it declares
            new Meter_("kafka.consumer.fetch.manager.records.lag.max", Meter.Type.GAUGE, null,
                    "platform/messaging/src/main/java/dev/kirana/messaging/MessagingAutoConfiguration.java",
                    List.of("DefaultKafkaConsumerFactoryCustomizer", "customizers.orderedStream().forEach(c -> c.customize(factory))")),
            // bound by Spring Cloud CircuitBreaker when resilience4j-micrometer is on the gateway's classpath
            new Meter_("resilience4j.circuitbreaker.state", Meter.Type.GAUGE, null, "gateway/pom.xml",
                    List.of("<artifactId>resilience4j-micrometer</artifactId>")),
            new Meter_("http.server.requests", Meter.Type.TIMER, null, SPRING_BOOT, List.of()),
            new Meter_("jvm.memory.used", Meter.Type.GAUGE, "bytes", SPRING_BOOT, List.of()),
            new Meter_("jvm.gc.pause", Meter.Type.TIMER, null, SPRING_BOOT, List.of()),
            new Meter_("jvm.threads.live", Meter.Type.GAUGE, "threads", SPRING_BOOT, List.of()),
            new Meter_("process.cpu.usage", Meter.Type.GAUGE, null, SPRING_BOOT, List.of()),
            new Meter_("r2dbc.pool.acquired", Meter.Type.GAUGE, "connections", SPRING_BOOT, List.of()));

    /** Only the gateway's request timer has buckets (its LatencyHistogram); a _bucket series of another is empty. */
    static final String GATEWAY_HISTOGRAM = "gateway/src/main/java/dev/kirana/gateway/metrics/LatencyHistogram.java";

    private KnownMetrics() {
    }

    /** Prometheus series name → the meter it comes from. */
    static Map<String, Meter_> series() {
        var convention = new PrometheusNamingConvention();
        Map<String, Meter_> series = new LinkedHashMap<>();
        for (Meter_ m : METERS) {
            String family = convention.name(m.name(), m.type(), m.baseUnit());
            List<String> names = new ArrayList<>();
            switch (m.type()) {
                case COUNTER -> names.add(family.endsWith("_total") ? family : family + "_total");
                case TIMER -> {
                    names.add(family + "_count");
                    names.add(family + "_sum");
                    names.add(family + "_max");
                    names.add(family + "_bucket");
                }
                default -> names.add(family);
            }
            names.forEach(n -> series.put(n, m));
        }
        return series;
    }

    /** The meters whose declaring file is missing or no longer declares them, with what is missing. */
    static List<String> undeclared() {
        List<String> missing = new ArrayList<>();
        for (Meter_ m : METERS) {
            if (m.file().equals(SPRING_BOOT)) {
                continue;
            }
            String text = read(m.file());
            m.evidence().stream().filter(e -> !text.contains(e)).forEach(e -> missing.add(m.name() + ": " + m.file() + " lacks " + e));
        }
        String histogram = read(GATEWAY_HISTOGRAM);
        if (!histogram.contains("\"http.server.requests\"") || !histogram.contains(".percentilesHistogram(true)")) {
            missing.add("http_server_requests_seconds_bucket: " + GATEWAY_HISTOGRAM + " no longer turns the histogram on");
        }
        return missing;
    }

    private static String read(String file) {
        try {
            return Files.readString(Kustomize.REPO.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
