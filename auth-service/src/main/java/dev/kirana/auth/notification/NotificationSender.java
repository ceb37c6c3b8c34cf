package dev.kirana.auth.notification;

import reactor.core.publisher.Mono;

/** Sends one message over one outside channel; an error means "not sent" and the delivery is retried. */
public interface NotificationSender {
    NotificationChannel channel();

    Mono<Void> send(String recipient, String subject, String body);
}
