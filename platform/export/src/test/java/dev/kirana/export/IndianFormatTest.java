package dev.kirana.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IndianFormatTest {

    @Test
    void moneyGroupsTheLastThreeDigitsThenPairsToThePaisa() {
        assertThat(IndianFormat.money(new BigDecimal("123456"))).isEqualTo("1,23,456.00");
        assertThat(IndianFormat.money(new BigDecimal("-12345.5"))).isEqualTo("-12,345.50");
        assertThat(IndianFormat.money(new BigDecimal("1234567.5"))).isEqualTo("12,34,567.50");
        assertThat(IndianFormat.money(new BigDecimal("12345678.9"))).isEqualTo("1,23,45,678.90");
        assertThat(IndianFormat.money(new BigDecimal("100000"))).isEqualTo("1,00,000.00");
        assertThat(IndianFormat.money(new BigDecimal("99999.99"))).isEqualTo("99,999.99");
        assertThat(IndianFormat.money(new BigDecimal("1000"))).isEqualTo("1,000.00");
        assertThat(IndianFormat.money(new BigDecimal("999"))).isEqualTo("999.00");
        assertThat(IndianFormat.money(new BigDecimal("0.005"))).isEqualTo("0.01");
        assertThat(IndianFormat.money(new BigDecimal("-0.001"))).isEqualTo("0.00");
        assertThat(IndianFormat.money(null)).isEmpty();
    }

    @Test
    void groupedKeepsTheNumbersOwnDecimals() {
        assertThat(IndianFormat.grouped(1234567L)).isEqualTo("12,34,567");
        assertThat(IndianFormat.grouped(new BigDecimal("-1250.500"))).isEqualTo("-1,250.500");
        assertThat(IndianFormat.grouped(new BigDecimal("123456789012"))).isEqualTo("1,23,45,67,89,012");
        assertThat(IndianFormat.grouped(new BigDecimal("1E+5"))).isEqualTo("1,00,000");
        assertThat(IndianFormat.grouped(0L)).isEqualTo("0");
    }
}
