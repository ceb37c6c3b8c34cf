package dev.kirana.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** The local default: "sends" a text by logging it, so a developer can read one-time codes and reminders from the log. */
public class LoggingSmsSender implements SmsSender {
    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public Mono<Void> send(String phone, String text) {
        return Mono.fromRunnable(() -> log.info("SMS to {}: {}", phone, text));
    }
}
