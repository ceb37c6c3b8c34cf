package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.localstack.KiranaStack;
import dev.kirana.systemtests.OtlpTraceReceiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One sale, followed by an SRE: placed through the gateway with {@code Prefer: wait}, it is one trace across the
 * gateway, order-service, inventory-service and accounting-service. The gateway's span names the request id the
 * client got; each service's HTTP server span is the child of the gateway's call; each Kafka hop of the saga is a
 * consumer span whose parent is the span that wrote the event to the producer's outbox, and names the sale's
 * request id.
 */
class SaleTraceIT {
    static KiranaStack stack;
    static Http http;
    static String token;

    @BeforeAll
    static void up() {
        stack = SuiteUnderTest.get();
        http = new Http(stack.gatewayUrl());
        token = Journeys.demoOwner(http);
    }

    @Test
    void oneSaleIsOneTraceAcrossTheGatewayTheServicesAndKafka() {
        String productId = Journeys.stockedProduct(http, token, "30.00", 5);
        Http.Response sold = Journeys.sell(http, token, productId, 1);
        assertThat(sold.status()).as("sale: %s", sold.body()).isEqualTo(201);
        assertThat(sold.body().get("status").asString()).isEqualTo("CONFIRMED");
        String requestId = sold.header("X-Request-Id");
        assertThat(requestId).isNotBlank();

        OtlpTraceReceiver traces = SuiteUnderTest.traces();
        ReceivedSpan edge = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                traces.spans().stream().filter(s -> "gateway".equals(s.service()) && s.kind() == SpanKind.SPAN_KIND_SERVER
                        && requestId.equals(s.attributes().get("kirana.request_id"))).findFirst(), Optional::isPresent).orElseThrow();
        String traceId = edge.traceId();

        // each service exports its ended spans in batches (every 5 s): wait until every hop of the saga has come in
        List<ReceivedSpan> trace = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> traces.trace(traceId),
                spans -> spans.stream().anyMatch(s -> "order-service".equals(s.service()) && s.kind() == SpanKind.SPAN_KIND_SERVER)
                        && !consumers(spans, "order-service").isEmpty()
                        && consumers(spans, "inventory-service").size() >= 2
                        && consumers(spans, "accounting-service").size() >= 2);
        Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, s -> s, (a, b) -> a));

        assertThat(trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet()))
                .contains("gateway", "order-service", "inventory-service", "accounting-service");

        ReceivedSpan placed = trace.stream()
                .filter(s -> "order-service".equals(s.service()) && s.kind() == SpanKind.SPAN_KIND_SERVER)
                .findFirst().orElseThrow(() -> new AssertionError("no server span of order-service in " + describe(trace)));
        assertThat(parentService(placed, byId)).as("the parent of order-service's server span").isEqualTo("gateway");

        // order.placed: order-service -> inventory-service; stock.reserved: inventory-service -> order-service;
        // order.confirmed / stock.committed: -> accounting-service
        assertThat(parentServices(consumers(trace, "inventory-service"), byId)).as("inventory's events came from").contains("order-service");
        assertThat(parentServices(consumers(trace, "order-service"), byId)).as("order-service's events came from").contains("inventory-service");
        assertThat(parentServices(consumers(trace, "accounting-service"), byId)).as("accounting's events came from")
                .contains("order-service", "inventory-service");
        // the request id the till got rides with the events (ce_requestid) down to the last step of the saga
        assertThat(consumers(trace, "accounting-service")).allSatisfy(s -> assertThat(s.attributes())
                .containsEntry("messaging.system", "kafka").containsKey("cloudevents.event_id")
                .containsEntry("kirana.request_id", requestId));
    }

    private static List<ReceivedSpan> consumers(List<ReceivedSpan> spans, String service) {
        return spans.stream().filter(s -> service.equals(s.service()) && s.kind() == SpanKind.SPAN_KIND_CONSUMER).toList();
    }

    private static String parentService(ReceivedSpan span, Map<String, ReceivedSpan> byId) {
        ReceivedSpan parent = span.parentSpanId() == null ? null : byId.get(span.parentSpanId());
        return parent == null ? null : parent.service();
    }

    private static Set<String> parentServices(List<ReceivedSpan> spans, Map<String, ReceivedSpan> byId) {
        return spans.stream().map(s -> parentService(s, byId)).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static String describe(List<ReceivedSpan> spans) {
        return spans.stream().map(s -> s.service() + " " + s.kind() + " " + s.name()).collect(Collectors.joining("; "));
    }
}
