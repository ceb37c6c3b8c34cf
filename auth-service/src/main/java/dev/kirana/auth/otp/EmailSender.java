package dev.kirana.auth.otp;

import reactor.core.publisher.Mono;

/** Sends a short email: {@link LoggingEmailSender} (local default), {@link HttpEmailSender}, or none ({@code off}). */
public interface EmailSender {
    Mono<Void> send(String email, String subject, String text);
}
