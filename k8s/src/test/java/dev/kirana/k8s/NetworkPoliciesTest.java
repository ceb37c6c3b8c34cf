package dev.kirana.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.k8s.NetworkPolicyModel.Endpoint;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NetworkPolicies mean what their comments say: evaluated with the API's rules against the rendered pods and a
 * few strangers (a debugging pod in the namespace, Prometheus and another pod in monitoring, a pod elsewhere, an
 * outside client), for the base's backing-service labels and for the operators' pods.
 */
class NetworkPoliciesTest {
    static final Endpoint DNS = Endpoint.pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), Map.of("dns", 53));
    static final Endpoint PROMETHEUS = Endpoint.pod("Prometheus", "monitoring",
            Map.of("app.kubernetes.io/name", "prometheus"), Map.of("web", 9090));
    static final Endpoint MONITORING_OTHER = Endpoint.pod("another pod in monitoring", "monitoring",
            Map.of("app.kubernetes.io/name", "grafana"), Map.of("http", 3000));
    static final Endpoint STRANGER = Endpoint.pod("a debugging pod in kirana", "kirana",
            Map.of("app.kubernetes.io/name", "debug"), Map.of("http", 8080));
    static final Endpoint STRANGER_PART_OF = Endpoint.pod("a pod in another namespace labelled part-of kirana", "shop",
            Map.of("app.kubernetes.io/name", "gateway", "app.kubernetes.io/part-of", "kirana"), Map.of("http", 8080));
    static final Endpoint CLIENT = Endpoint.external("a client on the internet", "203.0.113.7", Map.of());
    static final Endpoint SMS_GATEWAY = Endpoint.external("the SMS gateway", "198.51.100.10", Map.of("https", 443));
    static final Endpoint PRIVATE_HOST = Endpoint.external("a host on the private network", "10.1.2.3", Map.of("https", 443));

    record Setup(String overlay, Endpoint postgres, Endpoint kafka, Endpoint redis) {
        @Override
        public String toString() {
            return overlay;
        }
    }

    static Stream<Setup> setups() {
        Endpoint redis = Endpoint.pod("Redis", "kirana", Map.of("app.kubernetes.io/name", "redis"), Map.of("redis", 6379));
        return Stream.of(
                new Setup("base", Endpoint.pod("PostgreSQL", "kirana", Map.of("app.kubernetes.io/name", "postgresql"), Map.of("postgresql", 5432)),
                        Endpoint.pod("a Kafka broker", "kirana", Map.of("app.kubernetes.io/name", "kafka"), Map.of("plain", 9092)), redis),
                new Setup("overlays/operators",
                        Endpoint.pod("a CloudNativePG instance", "kirana", Map.of("cnpg.io/cluster", "kirana-postgres", "cnpg.io/podRole", "instance"),
                                Map.of("postgresql", 5432)),
                        Endpoint.pod("a Strimzi broker", "kirana", Map.of("strimzi.io/cluster", "kirana", "strimzi.io/kind", "Kafka",
                                "strimzi.io/broker-role", "true"), Map.of("tcp-clients", 9092)), redis));
    }

    static Map<String, Endpoint> pods(String overlay) {
        Map<String, Endpoint> pods = new LinkedHashMap<>();
        for (Deployment d : Documents.all(overlay, Deployment.class)) {
            Map<String, Integer> ports = d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().stream()
                    .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
            pods.put(d.getMetadata().getName(), Endpoint.pod(d.getMetadata().getName(), d.getMetadata().getNamespace(),
                    d.getSpec().getTemplate().getMetadata().getLabels(), ports));
        }
        return pods;
    }

    @ParameterizedTest
    @MethodSource("setups")
    void servicesTakeRequestsFromTheGatewayOnlyAndAuthServicesJwksFromTheSuite(Setup setup) {
        var policies = new NetworkPolicyModel(Documents.all(setup.overlay(), NetworkPolicy.class));
        Map<String, Endpoint> pods = pods(setup.overlay());
        Endpoint gateway = pods.get("gateway");
        List<Endpoint> strangers = List.of(STRANGER, STRANGER_PART_OF, PROMETHEUS, MONITORING_OTHER, CLIENT, setup.postgres(), setup.kafka());
        for (Endpoint service : pods.values()) {
            if (service == gateway) {
                continue;
            }
            int http = service.port("http");
            assertThat(policies.allows(gateway, service, http)).as("gateway -> %s http", service).isTrue();
            for (Endpoint other : pods.values()) {
                if (other == gateway) {
                    continue;
                }
                boolean expected = service.description().equals("auth-service");
                assertThat(policies.allows(other, service, http)).as("%s -> %s http", other, service).isEqualTo(expected);
                // each side means it by itself: the service's ingress refuses, and the caller's egress refuses
                assertThat(policies.ingressAllows(other, service, http, "TCP")).as("%s ingress from %s", service, other).isEqualTo(expected);
                assertThat(policies.egressAllows(other, service, http, "TCP")).as("%s egress to %s", other, service).isEqualTo(expected);
            }
            for (Endpoint stranger : strangers) {
                assertThat(policies.allows(stranger, service, http)).as("%s -> %s http", stranger, service).isFalse();
                assertThat(policies.ingressAllows(stranger, service, http, "TCP")).as("%s ingress from %s", service, stranger).isFalse();
            }
            // a pod of the namespace that carries the suite's part-of label but is not the gateway (a job, a debug pod)
            Endpoint impostor = Endpoint.pod("a non-gateway pod labelled part-of kirana", "kirana",
                    Map.of("app.kubernetes.io/name", "kirana-migrate", "app.kubernetes.io/part-of", "kirana"), Map.of());
            assertThat(policies.ingressAllows(impostor, service, http, "TCP")).as("%s ingress from %s", service, impostor)
                    .isEqualTo(service.description().equals("auth-service"));
        }
        assertThat(policies.allows(CLIENT, gateway, gateway.port("http"))).as("a client reaches the gateway").isTrue();
    }

    @ParameterizedTest
    @MethodSource("setups")
    void theManagementPortIsForPrometheusOnly(Setup setup) {
        var policies = new NetworkPolicyModel(Documents.all(setup.overlay(), NetworkPolicy.class));
        Map<String, Endpoint> pods = pods(setup.overlay());
        for (Endpoint pod : pods.values()) {
            int management = pod.port("management");
            assertThat(policies.allows(PROMETHEUS, pod, management)).as("Prometheus -> %s management", pod).isTrue();
            assertThat(policies.ingressAllows(STRANGER, pod, management, "TCP")).as("%s management from a stranger", pod).isFalse();
            for (Endpoint other : pods.values()) {
                assertThat(policies.ingressAllows(other, pod, management, "TCP")).as("%s management from %s", pod, other).isFalse();
            }
            List<Endpoint> others = new ArrayList<>(pods.values());
            others.addAll(List.of(MONITORING_OTHER, STRANGER, STRANGER_PART_OF, CLIENT));
            for (Endpoint other : others) {
                assertThat(policies.allows(other, pod, management)).as("%s -> %s management", other, pod).isFalse();
            }
            // and Prometheus reaches nothing else
            if (!pod.description().equals("gateway")) {
                assertThat(policies.allows(PROMETHEUS, pod, pod.port("http"))).as("Prometheus -> %s http", pod).isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("setups")
    void eachPodCallsOutOnlyWhatItNeeds(Setup setup) {
        var policies = new NetworkPolicyModel(Documents.all(setup.overlay(), NetworkPolicy.class));
        Map<String, Endpoint> pods = pods(setup.overlay());
        Endpoint gateway = pods.get("gateway");
        Endpoint auth = pods.get("auth-service");
        for (Endpoint pod : pods.values()) {
            boolean isGateway = pod == gateway;
            String name = pod.description();
            assertThat(policies.allows(pod, DNS, 53, "UDP")).as("%s -> DNS", pod).isTrue();
            assertThat(policies.allows(pod, DNS, 53, "TCP")).as("%s -> DNS over TCP", pod).isTrue();
            assertThat(policies.allows(pod, auth, auth.port("http"))).as("%s -> auth-service JWKS", pod).isTrue();
            assertThat(policies.allows(pod, setup.postgres(), 5432)).as("%s -> PostgreSQL", pod).isEqualTo(!isGateway);
            assertThat(policies.allows(pod, setup.kafka(), 9092)).as("%s -> Kafka", pod).isEqualTo(!isGateway);
            assertThat(policies.allows(pod, setup.redis(), 6379)).as("%s -> Redis", pod).isEqualTo(isGateway);
            boolean texts = name.equals("auth-service") || name.equals("accounting-service");
            assertThat(policies.allows(pod, SMS_GATEWAY, 443)).as("%s -> SMS/mail gateway", pod).isEqualTo(texts);
            assertThat(policies.allows(pod, SMS_GATEWAY, 80)).as("%s -> plain http outside", pod).isFalse();
            boolean mails = name.equals("auth-service");
            assertThat(policies.allows(pod, SMS_GATEWAY, 587)).as("%s -> an SMTP server (submission)", pod).isEqualTo(mails);
            assertThat(policies.allows(pod, SMS_GATEWAY, 465)).as("%s -> an SMTP server (implicit TLS)", pod).isEqualTo(mails);
            assertThat(policies.allows(pod, PRIVATE_HOST, 587)).as("%s -> SMTP on a private address", pod).isFalse();
            assertThat(policies.allows(pod, PRIVATE_HOST, 443)).as("%s -> a private address", pod).isFalse();
            assertThat(policies.allows(pod, STRANGER, 8080)).as("%s -> a stranger in the namespace", pod).isFalse();
            assertThat(policies.allows(pod, PROMETHEUS, 9090)).as("%s -> Prometheus", pod).isFalse();
            for (Endpoint other : pods.values()) {
                if (other == pod || other == auth || other == gateway) {
                    continue;
                }
                // only the gateway calls the services (and everybody auth-service)
                assertThat(policies.allows(pod, other, other.port("http"))).as("%s -> %s http", pod, other).isEqualTo(isGateway);
                assertThat(policies.allows(pod, other, other.port("management"))).as("%s -> %s management", pod, other).isFalse();
            }
        }
    }
}
