package dev.kirana.k8s;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.Map;

/**
 * Every kind the overlays may render, mapped to its typed model, and a mapper that refuses what the API server's
 * strict field validation ({@code kubectl apply --validate=strict}) refuses: unknown or misspelt fields, and a
 * scalar of the wrong type (a number where a string belongs). The models would otherwise keep unknown fields in
 * their {@code additionalProperties} (fabric8's and Strimzi's any-setters); this mapper turns those off. A kind
 * missing here fails too: a new kind needs its model (or schema) added first.
 */
final class StrictModels {
    static final Map<String, Class<?>> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class));

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .annotationIntrospector(new Strict())
            // a number or a boolean where the API wants a string (a ConfigMap value, an annotation) is an error there
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private StrictModels() {
    }

    /**
     * The document as its typed model (CloudNativePG's kinds: validated against their schema, then the raw map).
     *
     * @throws IllegalArgumentException naming the document and the offending field
     */
    static Object parse(Map<String, Object> doc) {
        String key = doc.get("apiVersion") + "/" + doc.get("kind");
        String where = key + " " + name(doc);
        if (CnpgSchemas.handles(key)) {
            convert(doc.get("metadata"), ObjectMeta.class, where + " metadata");
            CnpgSchemas.validate(key, doc);
            return doc;
        }
        Class<?> type = KINDS.get(key);
        if (type == null) {
            throw new IllegalArgumentException(where + ": no typed model or schema is known for this kind");
        }
        return convert(doc, type, where);
    }

    static String name(Map<String, Object> doc) {
        return doc.get("metadata") instanceof Map<?, ?> meta ? String.valueOf(meta.get("name")) : "(no name)";
    }

    private static <T> T convert(Object value, Class<T> type, String where) {
        try {
            return MAPPER.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** Jackson's annotations, less the any-setters and ignoreUnknown that would accept unknown fields silently. */
    private static final class Strict extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated a) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
            JsonIgnoreProperties.Value value = super.findPropertyIgnoralByName(config, a);
            return value == null ? null : value.withoutIgnoreUnknown();
        }
    }
}
