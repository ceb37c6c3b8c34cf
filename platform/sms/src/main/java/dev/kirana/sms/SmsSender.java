package dev.kirana.sms;

import reactor.core.publisher.Mono;

/** Sends a text message to a phone number (E.164). Implementations: {@link LoggingSmsSender}, {@link HttpSmsSender}. */
public interface SmsSender {
    Mono<Void> send(String phone, String text);
}
