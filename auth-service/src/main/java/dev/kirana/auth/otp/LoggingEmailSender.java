package dev.kirana.auth.otp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** The local default: logs emails instead of sending them. */
public class LoggingEmailSender implements EmailSender {
    private static final Logger log = LoggerFactory.getLogger(LoggingEmailSender.class);

    @Override
    public Mono<Void> send(String email, String subject, String text) {
        return Mono.fromRunnable(() -> log.info("Email to {} [{}]: {}", email, subject, text));
    }
}
