package dev.kirana.auth.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When a non-urgent message may go: at once, or when the member's quiet hours (the shop's local time) end. */
class QuietHoursTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");   // UTC+05:30
    static final NotificationPreferences.Preferences NIGHTS =
            new NotificationPreferences.Preferences(true, true, true, LocalTime.of(22, 0), LocalTime.of(7, 0), "en");
    static final NotificationPreferences.Preferences LUNCH =
            new NotificationPreferences.Preferences(true, true, true, LocalTime.of(13, 0), LocalTime.of(14, 30), "en");

    @Test
    void quietHoursAcrossMidnightEndTheNextMorning() {
        // 23:10 IST on 3 December = 17:40 UTC: waits until 07:00 IST on the 4th = 01:30 UTC
        assertThat(Notifier.afterQuietHours(Instant.parse("2026-12-03T17:40:00Z"), IST, NIGHTS)).isEqualTo(Instant.parse("2026-12-04T01:30:00Z"));
        // 05:00 IST on the 4th = 23:30 UTC on the 3rd: waits until 07:00 IST the same morning
        assertThat(Notifier.afterQuietHours(Instant.parse("2026-12-03T23:30:00Z"), IST, NIGHTS)).isEqualTo(Instant.parse("2026-12-04T01:30:00Z"));
        // 07:00 IST exactly is no longer quiet, nor is 21:59
        assertThat(Notifier.afterQuietHours(Instant.parse("2026-12-04T01:30:00Z"), IST, NIGHTS)).isEqualTo(Instant.parse("2026-12-04T01:30:00Z"));
        assertThat(Notifier.afterQuietHours(Instant.parse("2026-12-04T16:29:00Z"), IST, NIGHTS)).isEqualTo(Instant.parse("2026-12-04T16:29:00Z"));
    }

    @Test
    void quietHoursWithinADayEndThatDay() {
        // 13:45 IST = 08:15 UTC: waits until 14:30 IST = 09:00 UTC; 12:59 IST goes at once
        assertThat(Notifier.afterQuietHours(Instant.parse("2026-12-03T08:15:00Z"), IST, LUNCH)).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
        assertThat(Notifier.afterQuietHours(Instant.parse("2026-12-03T07:29:00Z"), IST, LUNCH)).isEqualTo(Instant.parse("2026-12-03T07:29:00Z"));
        assertThat(Notifier.afterQuietHours(Instant.parse("2026-12-03T08:15:00Z"), IST, NotificationPreferences.Preferences.DEFAULT))
                .isEqualTo(Instant.parse("2026-12-03T08:15:00Z"));
    }

    @Test
    void templatesSpeakTheMembersLanguage() {
        java.util.List<String> args = java.util.List.of("Atta 5kg", "ATTA-5", "3", "10");
        assertThat(Templates.render(NotificationKind.STOCK_LOW, "en", args).body()).isEqualTo("Atta 5kg (ATTA-5) is down to 3; the reorder level is 10.");
        assertThat(Templates.render(NotificationKind.STOCK_LOW, "hi", args).title()).isEqualTo("स्टॉक कम: Atta 5kg");
        assertThat(Templates.render(NotificationKind.STOCK_LOW, "hi", args).body()).isEqualTo("Atta 5kg (ATTA-5) का स्टॉक 3 रह गया है; दोबारा मँगाने का स्तर 10 है।");
        // every kind has both texts in both languages
        for (NotificationKind k : NotificationKind.values()) {
            for (String lang : NotificationPreferences.LANGUAGES) {
                Templates.Text t = Templates.render(k, lang, java.util.List.of("a", "b", "c", "d", "e"));
                assertThat(t.title()).as(k + " " + lang).isNotBlank().doesNotContain("{");
                assertThat(t.body()).as(k + " " + lang).isNotBlank().doesNotContain("{");
            }
        }
    }
}
