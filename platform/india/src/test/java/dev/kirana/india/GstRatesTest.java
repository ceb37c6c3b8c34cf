package dev.kirana.india;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The rates in force on each side of GST 2.0 (22 September 2025) and of the end of 28 % for tobacco (1 February 2026). */
class GstRatesTest {
    static final LocalDate BEFORE = LocalDate.of(2025, 9, 21);
    static final LocalDate GST2 = LocalDate.of(2025, 9, 22);
    static final LocalDate TOBACCO_AT_40 = LocalDate.of(2026, 2, 1);

    @Test
    void twelvePercentEndsWithGst2AndFortyBegins() {
        assertThat(GstRates.exists(new BigDecimal("12"), BEFORE)).isTrue();
        assertThat(GstRates.exists(new BigDecimal("12"), GST2)).isFalse();
        assertThat(GstRates.exists(new BigDecimal("40"), BEFORE)).isFalse();
        assertThat(GstRates.exists(new BigDecimal("40"), GST2)).isTrue();
    }

    @Test
    void twentyEightStaysForTobaccoUntilTheEndOfJanuary2026() {
        assertThat(GstRates.exists(new BigDecimal("28"), LocalDate.of(2026, 1, 31))).isTrue();
        assertThat(GstRates.exists(new BigDecimal("28"), TOBACCO_AT_40)).isFalse();
    }

    @Test
    void noSuchSlabIsEverARate() {
        for (LocalDate d : new LocalDate[] {BEFORE, GST2, TOBACCO_AT_40}) {
            assertThat(GstRates.exists(new BigDecimal("17"), d)).as("17 %% on %s", d).isFalse();
            assertThat(GstRates.exists(new BigDecimal("-5"), d)).isFalse();
            assertThat(GstRates.exists(null, d)).isFalse();
        }
        assertThat(GstRates.inForce(LocalDate.of(2017, 6, 30))).as("before GST").isEmpty();
    }

    @Test
    void aRateIsOneRateAtAnyScaleAndTheSpecialRatesStay() {
        assertThat(GstRates.exists(new BigDecimal("18.00"), GST2)).isTrue();
        assertThat(GstRates.exists(new BigDecimal("5.0"), BEFORE)).isTrue();
        for (String special : new String[] {"0.1", "0.25", "1.5", "3"}) {
            assertThat(GstRates.exists(new BigDecimal(special), BEFORE)).isTrue();
            assertThat(GstRates.exists(new BigDecimal(special), TOBACCO_AT_40)).isTrue();
        }
    }

    @Test
    void theMessageSaysWhatWouldBeAccepted() {
        assertThat(GstRates.violation(new BigDecimal("17"), TOBACCO_AT_40))
                .isEqualTo("is not a GST rate in force on 2026-02-01 (0, 0.1, 0.25, 1.5, 3, 5, 18, 40)");
        assertThat(GstRates.violation(new BigDecimal("18"), TOBACCO_AT_40)).isNull();
    }
}
