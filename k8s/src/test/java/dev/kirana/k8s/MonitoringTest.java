package dev.kirana.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Prometheus scrapes every pod where actuator serves, and every alert and dashboard panel reads series the suite
 * really exports; clusters without the Prometheus Operator get none of its kinds from the other overlays.
 */
class MonitoringTest {
    static final String OVERLAY = "overlays/monitoring";
    static final Set<String> REQUIRED_ALERTS = Set.of("KiranaOutboxNotDraining", "KiranaConsumerLagHigh", "KiranaDeadLetters",
            "KiranaHigh5xxRate", "KiranaGatewayLatencyHigh", "KiranaCircuitBreakerOpen");

    @Test
    void thePodMonitorScrapesEveryPodOnItsManagementPort() {
        List<PodMonitor> monitors = Documents.all(OVERLAY, PodMonitor.class);
        assertThat(monitors).hasSize(1);
        PodMonitor monitor = monitors.get(0);
        assertThat(monitor.getSpec().getPodMetricsEndpoints()).hasSize(1);
        PodMetricsEndpoint endpoint = monitor.getSpec().getPodMetricsEndpoints().get(0);
        assertThat(endpoint.getPort()).isEqualTo("management");
        assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
        for (Deployment d : Documents.all(OVERLAY, Deployment.class)) {
            var pod = d.getSpec().getTemplate();
            assertThat(NetworkPolicyModel.matches(monitor.getSpec().getSelector(), pod.getMetadata().getLabels()))
                    .as(d.getMetadata().getName()).isTrue();
            assertThat(pod.getSpec().getContainers().get(0).getPorts()).as(d.getMetadata().getName())
                    .anySatisfy(p -> assertThat(p.getName()).isEqualTo(endpoint.getPort()));
        }
    }

    @Test
    void theMetersTheAlertsReadAreStillDeclaredWhereTheyComeFrom() {
        assertThat(KnownMetrics.undeclared()).isEmpty();
        assertThat(KnownMetrics.series()).containsKeys("kirana_outbox_oldest_unsent_age_seconds", "kirana_messaging_dead_lettered_total",
                "http_server_requests_seconds_bucket", "resilience4j_circuitbreaker_state", "kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void everyAlertReadsExportedSeriesAndTellsWhatItMeansAndWhatToDo() throws IOException {
        List<Rule> rules = Documents.all(OVERLAY, PrometheusRule.class).stream()
                .flatMap(r -> r.getSpec().getGroups().stream()).flatMap(g -> g.getRules().stream()).toList();
        Set<String> alerts = rules.stream().map(Rule::getAlert).collect(Collectors.toSet());
        assertThat(alerts).containsAll(REQUIRED_ALERTS);
        String readme = Files.readString(Kustomize.REPO.resolve("README.md"));
        for (Rule rule : rules) {
            String alert = rule.getAlert();
            assertThat(alert).as("only alerting rules").isNotBlank();
            assertThat(rule.getLabels()).as(alert).containsKey("severity");
            assertThat(rule.getLabels().get("severity")).as(alert).isIn("critical", "warning");
            assertThat(rule.getAnnotations()).as(alert).containsKeys("summary", "description", "runbook");
            assertThat(rule.getAnnotations().values()).as(alert).allSatisfy(v -> assertThat(v).isNotBlank());
            assertReadsKnownSeries(alert, rule.getExpr().getStrVal());
            assertThat(readme).as("the README's alerts table lists " + alert).contains("| `" + alert + "` |");
        }
    }

    @Test
    void theGrafanaDashboardIsLoadedByTheSidecarAndEveryPanelReadsExportedSeries() throws IOException {
        ConfigMap dashboard = Documents.one(OVERLAY, ConfigMap.class, "kirana-grafana-dashboard");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboard.getData()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(dashboard.getData().values().iterator().next());
        assertThat(json.path("uid").asText()).isEqualTo("kirana-suite");
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            titles.add(panel.path("title").asText());
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertReadsKnownSeries("panel " + panel.path("title").asText(), target.path("expr").asText());
            }
        }
        Set<String> metrics = new java.util.HashSet<>();
        json.path("panels").forEach(p -> p.path("targets").forEach(t -> metrics.addAll(PromQl.metrics(t.path("expr").asText()))));
        // rate, errors, latency, outbox, lag, DLQ, JVM
        assertThat(metrics).contains("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
                "kirana_outbox_oldest_unsent_age_seconds", "kafka_consumer_fetch_manager_records_lag_max",
                "kirana_messaging_dead_lettered_total", "jvm_memory_used_bytes", "jvm_gc_pause_seconds_sum");
        assertThat(titles).doesNotHaveDuplicates();
    }

    @Test
    void onlyTheMonitoringOverlayNeedsThePrometheusOperator() {
        for (String overlay : List.of("base", "overlays/production", "overlays/operators")) {
            assertThat(Documents.of(overlay)).as(overlay).noneMatch(d -> d.apiVersion().startsWith("monitoring.coreos.com/"));
        }
        assertThat(Documents.of("base")).allMatch(d -> !d.apiVersion().contains(".") || d.apiVersion().contains(".k8s.io/"),
                "the base needs no CRD");
    }

    private static void assertReadsKnownSeries(String where, String expr) {
        Map<String, KnownMetrics.Meter_> known = KnownMetrics.series();
        Set<String> metrics = PromQl.metrics(expr);
        assertThat(known.keySet()).as(where + " reads " + metrics).containsAll(metrics);
        if (metrics.contains("http_server_requests_seconds_bucket")) {
            assertThat(expr).as(where + ": only the gateway's request timer has buckets").contains("application=\"gateway\"");
        }
    }
}
