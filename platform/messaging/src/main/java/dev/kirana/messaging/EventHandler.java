package dev.kirana.messaging;

import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/** Applies one event's effects; runs inside the inbox transaction. */
@FunctionalInterface
public interface EventHandler {
    Mono<Void> handle(CloudEvent event);
}
