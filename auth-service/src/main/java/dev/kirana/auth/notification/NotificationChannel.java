package dev.kirana.auth.notification;

import java.util.Optional;

/** Where a notification reaches a person. IN_APP is the inbox, always written; the others go through the delivery log. */
public enum NotificationChannel {
    IN_APP, EMAIL, SMS, WHATSAPP;

    public static Optional<NotificationChannel> parse(String s) {
        for (NotificationChannel c : values()) {
            if (c.name().equals(s)) return Optional.of(c);
        }
        return Optional.empty();
    }
}
