package dev.kirana.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders, every document is valid for its kind, and every Deployment is fit to run in production. */
class ManifestsTest {
    static final List<String> SERVICES = List.of("gateway", "auth-service", "catalog-service", "inventory-service",
            "order-service", "accounting-service", "reporting-service");
    static final Set<String> AUTOSCALED = Set.of("gateway", "order-service", "inventory-service");
    static final Pattern PINNED = Pattern.compile("[a-z0-9.\\-]+(:[0-9]+)?(/[a-z0-9._\\-]+)+@sha256:[0-9a-f]{64}");

    static Stream<String> overlays() {
        return Documents.OVERLAYS.stream();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDocumentOfEveryOverlayParsesStrictlyAsItsKind(String overlay) {
        List<Documents.Doc> docs = Documents.of(overlay);
        assertThat(docs).isNotEmpty();
        assertThat(docs).allSatisfy(d -> assertThat(d.typed()).as(d.kind() + " " + d.name()).isNotNull());
        // one namespace for everything, and no two documents of the same kind and name
        assertThat(docs).filteredOn(d -> !"Namespace".equals(d.kind()))
                .allSatisfy(d -> assertThat(((Map<?, ?>) d.raw().get("metadata")).get("namespace")).as(d.kind() + " " + d.name())
                        .isEqualTo("kirana"));
        assertThat(docs.stream().map(d -> d.kind() + "/" + d.name()).collect(Collectors.toList())).doesNotHaveDuplicates();
        assertThat(Documents.one(overlay, Namespace.class, "kirana").getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyRendererAtHandRendersTheSame(String overlay) {
        Map<String, String> outputs = Kustomize.renderAll(overlay);
        assumeTrue(outputs.size() > 1, "one renderer on this machine (" + outputs.keySet() + "): nothing to compare it with");
        String first = outputs.values().iterator().next();
        assertThat(outputs).allSatisfy((renderer, output) -> assertThat(output).as(renderer).isEqualTo(first));
    }

    @Test
    void unknownFieldsKindsAndMistypedValuesAreRefused() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replica: 2
                  selector: {matchLabels: {a: b}}
                  template: {metadata: {labels: {a: b}}, spec: {containers: [{name: x, image: x}]}}
                """;
        assertThatThrownBy(() -> Documents.parse(deployment)).hasMessageContaining("replica");
        String probe = deployment.replace("replica: 2", "replicas: 2")
                .replace("image: x}", "image: x, livenessProbe: {httpGet: {path: /, port: management}, periodSecond: 3}}");
        assertThatThrownBy(() -> Documents.parse(probe)).hasMessageContaining("periodSecond");
        assertThat(Documents.parse(probe.replace("periodSecond:", "periodSeconds:"))).hasSize(1);
        String configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {KIRANA_DB_PORT: 5432}\n";
        assertThatThrownBy(() -> Documents.parse(configMap)).hasMessageContaining("KIRANA_DB_PORT");
        String topic = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {topicName: t, partitions: 3, replica: 3}
                """;
        assertThatThrownBy(() -> Documents.parse(topic)).hasMessageContaining("replica");
        String podMonitor = """
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata: {name: p}
                spec: {selector: {}, podMetricsEndpoints: [{port: management, pathh: /actuator/prometheus}]}
                """;
        assertThatThrownBy(() -> Documents.parse(podMonitor)).hasMessageContaining("pathh");
        String cluster = """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: pg}
                spec: {instances: 3, storage: {size: 1Gi}, bootstrap: {initdb: {database: a, ownr: kirana}}}
                """;
        assertThatThrownBy(() -> Documents.parse(cluster)).hasMessageContaining("ownr");
        assertThatThrownBy(() -> Documents.parse(cluster.replace("instances: 3", "instances: three").replace("ownr", "owner")))
                .hasMessageContaining("instances");
        assertThat(Documents.parse(cluster.replace("ownr", "owner"))).hasSize(1);
        assertThatThrownBy(() -> Documents.parse("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"))
                .hasMessageContaining("no typed model");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceRunsWithProbesOnManagementResourcesNonRootItsOwnAccountAndSpreadOut(String overlay) {
        List<Deployment> deployments = Documents.all(overlay, Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).as(name).containsEntry("app.kubernetes.io/name", name).containsEntry("app.kubernetes.io/part-of", "kirana");
            assertThat(NetworkPolicyModel.matches(d.getSpec().getSelector(), podLabels)).as(name + " selector").isTrue();
            assertThat(pod.getContainers()).as(name).hasSize(1);
            Container c = pod.getContainers().get(0);

            assertThat(c.getPorts()).as(name).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                    .contains(org.assertj.core.groups.Tuple.tuple("management", 9090));
            Map<String, String> env = c.getEnv().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
            assertThat(env).as(name).containsEntry("KIRANA_MANAGEMENT_PORT", "9090");
            int http = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow().getContainerPort();
            assertThat(env).as(name).containsEntry("SERVER_PORT", Integer.toString(http));
            assertProbe(name + " startup", c.getStartupProbe(), "/actuator/health/liveness");
            assertProbe(name + " liveness", c.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(name + " readiness", c.getReadinessProbe(), "/actuator/health/readiness");

            assertThat(c.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).as(name).containsKey("memory");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");

            assertThat(pod.getServiceAccountName()).as(name).isEqualTo(name);
            assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
            ServiceAccount account = Documents.one(overlay, ServiceAccount.class, name);
            assertThat(account.getAutomountServiceAccountToken()).as(name).isFalse();

            assertThat(pod.getTopologySpreadConstraints()).as(name)
                    .extracting(TopologySpreadConstraint::getTopologyKey)
                    .containsExactlyInAnyOrder("topology.kubernetes.io/zone", "kubernetes.io/hostname");
            for (TopologySpreadConstraint t : pod.getTopologySpreadConstraints()) {
                assertThat(NetworkPolicyModel.matches(t.getLabelSelector(), podLabels)).as(name + " spread " + t.getTopologyKey()).isTrue();
                assertThat(t.getLabelSelector().getMatchLabels()).as(name).containsEntry("app.kubernetes.io/name", name);
                assertThat(t.getMaxSkew()).isEqualTo(1);
            }

            Service service = Documents.one(overlay, Service.class, name);
            assertThat(NetworkPolicyModel.matches(new io.fabric8.kubernetes.api.model.LabelSelector(null, service.getSpec().getSelector()),
                    podLabels)).as(name + " Service").isTrue();
            assertThat(service.getSpec().getPorts()).as(name + " Service exposes http only, never management")
                    .allSatisfy(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));
            PodDisruptionBudget pdb = Documents.one(overlay, PodDisruptionBudget.class, name);
            assertThat(NetworkPolicyModel.matches(pdb.getSpec().getSelector(), podLabels)).as(name + " PDB").isTrue();
        }
    }

    private static void assertProbe(String what, Probe probe, String path) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(what).isEqualTo("management");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void autoscalersTargetRealDeploymentsThatLeaveTheirReplicasToThem(String overlay) {
        List<HorizontalPodAutoscaler> hpas = Documents.all(overlay, HorizontalPodAutoscaler.class);
        assertThat(hpas).extracting(h -> h.getSpec().getScaleTargetRef().getName()).containsExactlyInAnyOrderElementsOf(AUTOSCALED);
        for (HorizontalPodAutoscaler hpa : hpas) {
            var ref = hpa.getSpec().getScaleTargetRef();
            assertThat(ref.getApiVersion()).isEqualTo("apps/v1");
            assertThat(ref.getKind()).isEqualTo("Deployment");
            Deployment target = Documents.one(overlay, Deployment.class, ref.getName());
            assertThat(target.getSpec().getReplicas()).as(ref.getName() + ": replicas belong to its HPA").isNull();
            assertThat(hpa.getSpec().getMinReplicas()).as(ref.getName()).isGreaterThanOrEqualTo(2)
                    .isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            // the PDB must leave room to drain a node at the autoscaler's minimum
            var pdb = Documents.one(overlay, PodDisruptionBudget.class, ref.getName());
            assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isLessThan(hpa.getSpec().getMinReplicas());
            // a utilisation target is a share of the requests: every container of the target must request cpu
            assertThat(target.getSpec().getTemplate().getSpec().getContainers())
                    .allSatisfy(c -> assertThat(c.getResources().getRequests()).containsKey("cpu"));
        }
        Documents.all(overlay, Deployment.class).stream().filter(d -> !AUTOSCALED.contains(d.getMetadata().getName()))
                .forEach(d -> assertThat(d.getSpec().getReplicas()).as(d.getMetadata().getName()).isGreaterThanOrEqualTo(2));
        if (!overlay.equals("base")) {
            assertThat(Documents.one(overlay, HorizontalPodAutoscaler.class, "gateway").getSpec().getMinReplicas()).isEqualTo(3);
            assertThat(Documents.one(overlay, HorizontalPodAutoscaler.class, "order-service").getSpec().getMinReplicas()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void productionImagesArePinnedByDigest(String overlay) {
        List<String> images = Documents.all(overlay, Deployment.class).stream()
                .flatMap(d -> Stream.concat(d.getSpec().getTemplate().getSpec().getContainers().stream(),
                        d.getSpec().getTemplate().getSpec().getInitContainers().stream()))
                .map(Container::getImage).toList();
        assertThat(images).hasSize(SERVICES.size());
        if (overlay.equals("base")) {
            assertThat(images).allSatisfy(i -> assertThat(i).startsWith("kirana/"));
        } else {
            assertThat(images).allSatisfy(i -> assertThat(i).as("image %s", i).matches(PINNED));
        }
    }

    @Test
    void theProductionOverlayRewritesEveryBaseImage() throws IOException {
        String kustomization = Files.readString(Kustomize.K8S.resolve("overlays/production/kustomization.yaml"));
        for (Deployment d : Documents.all("base", Deployment.class)) {
            String image = d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            assertThat(kustomization).contains("- name: " + image.substring(0, image.indexOf(':')));
        }
        assertThat(kustomization).contains("kustomize edit set image");
    }
}
