package dev.kirana.auth.otp;

import reactor.core.publisher.Mono;

/** Sends a short email. The default writes it to the log; plug a real mail gateway in as a bean. */
public interface EmailSender {
    Mono<Void> send(String email, String subject, String text);
}
