package dev.kirana.accounting.khata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IndianRupeesTest {

    @Test
    void groupsTheLastThreeDigitsThenPairsAsLakhsAndCrores() {
        assertThat(IndianRupees.grouped(new BigDecimal("1234567.5"))).isEqualTo("12,34,567.50");
        assertThat(IndianRupees.grouped(new BigDecimal("123456"))).isEqualTo("1,23,456.00");
        assertThat(IndianRupees.grouped(new BigDecimal("12345678.9"))).isEqualTo("1,23,45,678.90");
        assertThat(IndianRupees.grouped(new BigDecimal("100000"))).isEqualTo("1,00,000.00");
        assertThat(IndianRupees.grouped(new BigDecimal("99999.99"))).isEqualTo("99,999.99");
        assertThat(IndianRupees.grouped(new BigDecimal("1000"))).isEqualTo("1,000.00");
        assertThat(IndianRupees.grouped(new BigDecimal("999"))).isEqualTo("999.00");
        assertThat(IndianRupees.grouped(new BigDecimal("0.5"))).isEqualTo("0.50");
        assertThat(IndianRupees.grouped(new BigDecimal("0.005"))).isEqualTo("0.01");
        assertThat(IndianRupees.grouped(new BigDecimal("-1234567.5"))).isEqualTo("-12,34,567.50");
    }

    @Test
    void writesTheRupeeSignBeforeTheAmount() {
        assertThat(IndianRupees.format(new BigDecimal("123456"))).isEqualTo("₹1,23,456.00");
        assertThat(IndianRupees.format(new BigDecimal("-250.5"))).isEqualTo("-₹250.50");
    }

    @Test
    void aReminderIsOneTextSignedByTheShop() {
        assertThat(ReminderText.of("Sri Lakshmi Stores", new BigDecimal("123456")))
                .isEqualTo("Sri Lakshmi Stores: ₹1,23,456.00 is due on your account. Please pay at the shop or by UPI.");
        assertThat(ReminderText.of(null, new BigDecimal("80"))).startsWith("Your shop: ₹80.00 is due");
        String longName = ReminderText.of("A".repeat(200), new BigDecimal("99999999.99"));
        assertThat(longName).hasSizeLessThanOrEqualTo(160).endsWith(": ₹9,99,99,999.99 is due on your account. Please pay at the shop or by UPI.");
        assertThat(ReminderText.e164("9876500001")).isEqualTo("+919876500001");
        assertThat(ReminderText.e164("+447700900123")).isEqualTo("+447700900123");
    }
}
