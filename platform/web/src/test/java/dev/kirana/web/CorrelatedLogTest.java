package dev.kirana.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A line logged after a chain hopped threads still names the request (limited context propagation, the default). */
class CorrelatedLogTest {

    static {
        new RequestIdFilter(); // registers the request id's MDC accessor
    }

    @Test
    void theLineCarriesTheRequestIdOnTheThreadTheChainHoppedTo() {
        AtomicReference<String> logged = new AtomicReference<>("unset");
        AtomicReference<String> thread = new AtomicReference<>();
        Mono.delay(java.time.Duration.ofMillis(1), Schedulers.parallel())
                .then(CorrelatedLog.write(() -> {
                    logged.set(MDC.get(RequestIdFilter.MDC_KEY));
                    thread.set(Thread.currentThread().getName());
                }))
                .contextWrite(ctx -> ctx.put(RequestIdFilter.CONTEXT_KEY, "till-7-0042"))
                .block();
        assertThat(thread.get()).startsWith("parallel-");
        assertThat(logged.get()).isEqualTo("till-7-0042");
        assertThat(MDC.get(RequestIdFilter.MDC_KEY)).as("left behind on the caller's thread").isNull();
    }

    @Test
    void aPlainCallbackOnThatThreadDoesNotCarryIt() {
        AtomicReference<String> logged = new AtomicReference<>("unset");
        Mono.delay(java.time.Duration.ofMillis(1), Schedulers.parallel())
                .then(Mono.fromRunnable(() -> logged.set(MDC.get(RequestIdFilter.MDC_KEY))))
                .contextWrite(ctx -> ctx.put(RequestIdFilter.CONTEXT_KEY, "till-7-0043"))
                .block();
        assertThat(logged.get()).as("why the suite's own lines go through CorrelatedLog").isNull();
    }
}
