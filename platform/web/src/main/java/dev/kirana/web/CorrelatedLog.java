package dev.kirana.web;

import reactor.core.publisher.Mono;

/**
 * A log line written from inside a reactive chain, with the trace, span and request ids of the request or event
 * being handled in the MDC. Reactor restores thread-local values from the subscriber's context in {@code handle()}
 * (the suite runs {@code spring.reactor.context-propagation=limited}, so it does not do so around every operator):
 * whichever thread the chain is on when this runs, the line is correlated.
 */
public final class CorrelatedLog {
    private CorrelatedLog() {
    }

    /** Runs {@code line} (a logger call) when subscribed, with the context's ids in the MDC; completes empty. */
    public static Mono<Void> write(Runnable line) {
        return Mono.just(line).<Void>handle((l, sink) -> {
            l.run();
            sink.complete();
        }).then();
    }
}
