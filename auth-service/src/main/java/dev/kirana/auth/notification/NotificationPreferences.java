package dev.kirana.auth.notification;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.kirana.web.problem.Problems;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** A user's own notification choices; a user who set nothing gets every channel, no quiet hours, English. */
@Service
public class NotificationPreferences {
    public static final List<String> LANGUAGES = List.of("en", "hi");
    private final DatabaseClient db;

    public NotificationPreferences(DatabaseClient db) {
        this.db = db;
    }

    /**
     * @param quietFrom  start of quiet hours in the shop's local time ("22:00"), or null for none
     * @param quietUntil end of quiet hours ("07:00"); non-urgent email, SMS and WhatsApp wait until then
     * @param language   "en" or "hi": the language of the user's notifications
     */
    public record Preferences(boolean email, boolean sms, boolean whatsapp, @JsonFormat(pattern = "HH:mm") LocalTime quietFrom,
                              @JsonFormat(pattern = "HH:mm") LocalTime quietUntil, String language) {
        public static final Preferences DEFAULT = new Preferences(true, true, true, null, null, "en");

        public boolean allows(NotificationChannel c) {
            return switch (c) {
                case IN_APP -> true;
                case EMAIL -> email;
                case SMS -> sms;
                case WHATSAPP -> whatsapp;
            };
        }
    }

    public record PreferencesRequest(Boolean email, Boolean sms, Boolean whatsapp, String quietFrom, String quietUntil, String language) {
    }

    public Mono<Preferences> of(UUID userId) {
        return db.sql("SELECT * FROM notification_preference WHERE user_id = :user").bind("user", userId)
                .map(row -> new Preferences(Boolean.TRUE.equals(row.get("email", Boolean.class)), Boolean.TRUE.equals(row.get("sms", Boolean.class)),
                        Boolean.TRUE.equals(row.get("whatsapp", Boolean.class)), row.get("quiet_from", LocalTime.class),
                        row.get("quiet_until", LocalTime.class), row.get("language", String.class)))
                .one()
                .defaultIfEmpty(Preferences.DEFAULT);
    }

    public Mono<Preferences> replace(UUID userId, PreferencesRequest r) {
        List<Problems.FieldError> errors = new ArrayList<>();
        LocalTime from = time("quietFrom", r.quietFrom(), errors);
        LocalTime until = time("quietUntil", r.quietUntil(), errors);
        if ((from == null) != (until == null) && errors.isEmpty()) {
            errors.add(new Problems.FieldError(from == null ? "quietFrom" : "quietUntil", "quiet hours need both quietFrom and quietUntil"));
        } else if (from != null && from.equals(until)) {
            errors.add(new Problems.FieldError("quietUntil", "must differ from quietFrom"));
        }
        String language = r.language() == null ? "en" : r.language();
        if (!LANGUAGES.contains(language)) {
            errors.add(new Problems.FieldError("language", "must be one of " + LANGUAGES));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Preferences p = new Preferences(r.email() == null || r.email(), r.sms() == null || r.sms(), r.whatsapp() == null || r.whatsapp(),
                from, until, language);
        DatabaseClient.GenericExecuteSpec upsert = db.sql("""
                        INSERT INTO notification_preference (user_id, email, sms, whatsapp, quiet_from, quiet_until, language)
                        VALUES (:user, :email, :sms, :whatsapp, :from, :until, :language)
                        ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, sms = excluded.sms, whatsapp = excluded.whatsapp,
                            quiet_from = excluded.quiet_from, quiet_until = excluded.quiet_until, language = excluded.language,
                            updated_at = now()""")
                .bind("user", userId).bind("email", p.email()).bind("sms", p.sms()).bind("whatsapp", p.whatsapp())
                .bind("language", p.language());
        upsert = from == null ? upsert.bindNull("from", LocalTime.class) : upsert.bind("from", from);
        upsert = until == null ? upsert.bindNull("until", LocalTime.class) : upsert.bind("until", until);
        return upsert.fetch().rowsUpdated().thenReturn(p);
    }

    private static LocalTime time(String field, String value, List<Problems.FieldError> errors) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new Problems.FieldError(field, "is not a time of day like 22:00"));
            return null;
        }
    }
}
