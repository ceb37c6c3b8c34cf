package dev.kirana.auth.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Email over SMTP through Spring's {@link JavaMailSender} (configured by {@code spring.mail.host}, port, username,
 * password). Without a mail host the message is written to the log instead, so a local stack runs without SMTP. One-time
 * codes go through it too when {@code kirana.auth.email.provider} is {@code smtp}.
 */
@Component
public class EmailNotificationSender implements NotificationSender {
    private static final Logger log = LoggerFactory.getLogger(EmailNotificationSender.class);
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    EmailNotificationSender(ObjectProvider<JavaMailSender> mail, NotificationProperties props) {
        this.mail = mail;
        this.from = props.email().from();
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public Mono<Void> send(String recipient, String subject, String body) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || sender instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank())) {
            return Mono.fromRunnable(() -> log.info("email (no spring.mail.host set) to {}: {} | {}", recipient, subject, body));
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(recipient);
        message.setSubject(subject);
        message.setText(body);
        // SMTP blocks: off the event loop
        return Mono.fromRunnable(() -> sender.send(message)).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
