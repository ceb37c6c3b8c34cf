package dev.kirana.web;

import io.micrometer.common.KeyValue;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every response carries an {@code X-Request-Id}: the caller's (gateway's) if sane, else a new one. The id is
 * also the {@code requestId} of every log line written while the request is handled (it rides in the Reactor
 * context, and context propagation puts it in the MDC on whichever thread runs the chain), and a tag of the
 * request's server span ({@code kirana.request_id}), so a trace can be found from the id a client reports.
 * platform/messaging reads the same context key when an outbox row is written and restores it (and the MDC key)
 * when the event is handled, so the saga's later steps log the same id.
 */
public class RequestIdFilter implements WebFilter, Ordered {
    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    /** The log field (MDC key) beside {@code traceId} and {@code spanId}. */
    public static final String MDC_KEY = "requestId";
    /** The Reactor context key the id travels under. */
    public static final String CONTEXT_KEY = "kirana.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new MdcAccessor());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (id == null || !SANE.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        String requestId = id;
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .ifPresent(observed -> observed.addHighCardinalityKeyValue(KeyValue.of("kirana.request_id", requestId)));
        return chain.filter(exchange).contextWrite(ctx -> ctx.put(CONTEXT_KEY, requestId));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** Restores the request id into the MDC wherever Reactor restores thread-local values from its context. */
    static final class MdcAccessor implements ThreadLocalAccessor<String> {
        @Override
        public Object key() {
            return CONTEXT_KEY;
        }

        @Override
        public String getValue() {
            return MDC.get(MDC_KEY);
        }

        @Override
        public void setValue(String value) {
            MDC.put(MDC_KEY, value);
        }

        @Override
        public void setValue() {
            MDC.remove(MDC_KEY);
        }
    }
}
