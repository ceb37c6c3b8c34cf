package dev.kirana.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a set of NetworkPolicies lets through, by the API's rules: a pod that no policy of a direction selects is open
 * in that direction; one that some policy selects takes only what one of their rules allows; a connection needs both
 * the source's egress and the destination's ingress. Named ports resolve against the destination pod's ports.
 */
final class NetworkPolicyModel {

    /** A pod (namespace set) or an address outside the cluster (ip set), with the ports it listens on. */
    record Endpoint(String description, String namespace, Map<String, String> podLabels, String ip, Map<String, Integer> ports) {
        static Endpoint pod(String description, String namespace, Map<String, String> labels, Map<String, Integer> ports) {
            return new Endpoint(description, namespace, labels, null, ports);
        }

        static Endpoint external(String description, String ip, Map<String, Integer> ports) {
            return new Endpoint(description, null, Map.of(), ip, ports);
        }

        Map<String, String> namespaceLabels() {
            return namespace == null ? Map.of() : Map.of("kubernetes.io/metadata.name", namespace);
        }

        int port(String name) {
            Integer port = ports.get(name);
            if (port == null) {
                throw new IllegalArgumentException(description + " has no port " + name);
            }
            return port;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private final List<NetworkPolicy> policies;

    NetworkPolicyModel(List<NetworkPolicy> policies) {
        this.policies = policies;
    }

    boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
        return egressAllows(from, to, port, protocol) && ingressAllows(from, to, port, protocol);
    }

    boolean allows(Endpoint from, Endpoint to, int port) {
        return allows(from, to, port, "TCP");
    }

    /** What the destination's ingress policies alone allow (whatever the source's egress says). */
    boolean ingressAllows(Endpoint from, Endpoint to, int port, String protocol) {
        if (to.namespace() == null) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        return selecting.isEmpty() || selecting.stream().flatMap(p -> p.getSpec().getIngress() == null ? java.util.stream.Stream.empty()
                        : p.getSpec().getIngress().stream().map(r -> Map.entry(p, r)))
                .anyMatch(e -> peers(e.getValue().getFrom(), from, e.getKey())
                        && ports(e.getValue().getPorts(), to, port, protocol));
    }

    /** What the source's egress policies alone allow. */
    boolean egressAllows(Endpoint from, Endpoint to, int port, String protocol) {
        if (from.namespace() == null) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        return selecting.isEmpty() || selecting.stream().flatMap(p -> p.getSpec().getEgress() == null ? java.util.stream.Stream.empty()
                        : p.getSpec().getEgress().stream().map(r -> Map.entry(p, r)))
                .anyMatch(e -> peers(e.getValue().getTo(), to, e.getKey())
                        && ports(e.getValue().getPorts(), to, port, protocol));
    }

    private List<NetworkPolicy> selecting(Endpoint pod, String type) {
        return policies.stream()
                .filter(p -> Objects.equals(p.getMetadata().getNamespace(), pod.namespace()))
                .filter(p -> types(p).contains(type))
                .filter(p -> matches(p.getSpec().getPodSelector(), pod.podLabels()))
                .toList();
    }

    /** policyTypes as the API defaults them: Ingress always, Egress when there are egress rules. */
    private static List<String> types(NetworkPolicy p) {
        if (p.getSpec().getPolicyTypes() != null && !p.getSpec().getPolicyTypes().isEmpty()) {
            return p.getSpec().getPolicyTypes();
        }
        return p.getSpec().getEgress() == null || p.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private static boolean peers(List<NetworkPolicyPeer> peers, Endpoint other, NetworkPolicy policy) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peer(peer, other, policy));
    }

    private static boolean peer(NetworkPolicyPeer peer, Endpoint other, NetworkPolicy policy) {
        if (peer.getIpBlock() != null) {
            return other.ip() != null && inBlock(peer.getIpBlock(), other.ip());
        }
        if (other.namespace() == null) {
            return false;
        }
        boolean namespace = peer.getNamespaceSelector() == null
                ? other.namespace().equals(policy.getMetadata().getNamespace())
                : matches(peer.getNamespaceSelector(), other.namespaceLabels());
        boolean pod = peer.getPodSelector() == null || matches(peer.getPodSelector(), other.podLabels());
        return namespace && pod;
    }

    private static boolean ports(List<NetworkPolicyPort> ports, Endpoint to, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> {
            String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!proto.equals(protocol)) {
                return false;
            }
            IntOrString value = p.getPort();
            if (value == null) {
                return true;
            }
            int from;
            if (value.getIntVal() != null) {
                from = value.getIntVal();
            } else {
                Integer named = to.ports().get(value.getStrVal());
                if (named == null) {
                    return false;
                }
                from = named;
            }
            int until = p.getEndPort() == null ? from : p.getEndPort();
            return port >= from && port <= until;
        });
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (var e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && r.getValues().contains(value);
                    case "NotIn" -> value == null || !r.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new IllegalArgumentException("unknown operator " + r.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean inBlock(IPBlock block, String ip) {
        if (!inCidr(block.getCidr(), ip)) {
            return false;
        }
        return block.getExcept() == null || block.getExcept().stream().noneMatch(c -> inCidr(c, ip));
    }

    static boolean inCidr(String cidr, String ip) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ipv4(parts[0]) & mask) == (ipv4(ip) & mask);
    }

    private static long ipv4(String ip) {
        long value = 0;
        for (String octet : ip.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }
}
