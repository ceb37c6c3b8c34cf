package dev.kirana.inventory.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.inventory.lots.Lot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupplierReturnTest {
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    final List<Lot> lots = List.of(new Lot(1L, "AT2604", LocalDate.of(2026, 10, 31), d("40"), d("6")),
            new Lot(2L, "AT2605", LocalDate.of(2026, 11, 30), d("42"), d("4")));

    @Test
    void allGoesOutWhenItIsThere() {
        // 4 of batch AT2604 wanted, 6 of it in stock, 10 free in all
        assertThat(SupplierReturn.plan(d("4"), d("10"), lots, "AT2604")).isEqualTo(new SupplierReturn.Plan(d("4"), d("0")));
    }

    @Test
    void onlyTheBatchOfTheBillGoes() {
        // 8 of AT2604 wanted, only 6 of that batch: 6 out, 2 short (the 4 of AT2605 stay)
        assertThat(SupplierReturn.plan(d("8"), d("10"), lots, "AT2604")).isEqualTo(new SupplierReturn.Plan(d("6"), d("2")));
    }

    @Test
    void stockPromisedToOrdersStays() {
        // 5 wanted without a batch, 10 on hand of which 7 reserved: 3 free -> 3 out, 2 short
        assertThat(SupplierReturn.plan(d("5"), d("3"), lots, null)).isEqualTo(new SupplierReturn.Plan(d("3"), d("2")));
        // nothing there at all
        assertThat(SupplierReturn.plan(d("1.5"), d("0"), List.of(), null)).isEqualTo(new SupplierReturn.Plan(d("0"), d("1.5")));
    }
}
