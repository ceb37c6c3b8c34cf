package dev.kirana.inventory.lots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.inventory.lots.LotPicker.Purpose;
import dev.kirana.inventory.lots.LotPicker.Take;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LotPickerTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    // milk packets: a batch that expired yesterday, one expiring in 2 days (received last), one in 5 days (received first)
    final Lot expired = new Lot(1, "M-0307", LocalDate.of(2026, 3, 9), new BigDecimal("24.00"), new BigDecimal("4"));
    final Lot soon = new Lot(3, "M-0312", LocalDate.of(2026, 3, 12), new BigDecimal("25.50"), new BigDecimal("6"));
    final Lot later = new Lot(2, "M-0315", LocalDate.of(2026, 3, 15), new BigDecimal("26.00"), new BigDecimal("10"));
    final List<Lot> milk = List.of(expired, later, soon);

    private static BigDecimal q(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aSaleTakesTheFirstExpiringUnexpiredLotFirst() {
        var picking = LotPicker.pick(milk, q("8"), Purpose.SALE, null, TODAY, false);
        assertThat(picking.complete()).isTrue();
        assertThat(picking.takes()).extracting(t -> t.lot().batchNo(), Take::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("M-0312", q("6")), org.assertj.core.groups.Tuple.tuple("M-0315", q("2")));
        // 6 × 25.50 + 2 × 26.00 = 205.00
        assertThat(picking.takes().stream().map(Take::value).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("205.00");
    }

    @Test
    void expiredStockIsNotSoldUnlessTheSaleWasPromisedBeforeItExpired() {
        var picking = LotPicker.pick(milk, q("18"), Purpose.SALE, null, TODAY, false);
        assertThat(picking.complete()).isFalse();
        assertThat(picking.shortfall()).isEqualByComparingTo("2");
        var promised = LotPicker.pick(milk, q("18"), Purpose.SALE, null, TODAY, true);
        assertThat(promised.complete()).isTrue();
        assertThat(promised.takes().get(2).lot()).isEqualTo(expired);
        assertThat(LotPicker.expired(milk, TODAY)).isEqualByComparingTo("4");
        assertThat(LotPicker.expired(milk, LocalDate.of(2026, 3, 9))).as("sellable on its expiry date").isEqualByComparingTo("0");
    }

    @Test
    void removalsTakeExpiredStockFirstAndTransfersNever() {
        var removal = LotPicker.pick(milk, q("5"), Purpose.REMOVAL, null, TODAY, false);
        assertThat(removal.takes()).extracting(t -> t.lot().id()).containsExactly(1L, 3L);
        var transfer = LotPicker.pick(milk, q("17"), Purpose.TRANSFER, null, TODAY, false);
        assertThat(transfer.shortfall()).isEqualByComparingTo("1");
        assertThat(transfer.takes()).extracting(t -> t.lot().id()).containsExactly(3L, 2L);
    }

    @Test
    void aNamedBatchIsTheOnlyOneTaken() {
        var picking = LotPicker.pick(milk, q("3"), Purpose.REMOVAL, "M-0315", TODAY, false);
        assertThat(picking.takes()).singleElement().satisfies(t -> {
            assertThat(t.lot()).isEqualTo(later);
            assertThat(t.quantity()).isEqualByComparingTo("3");
        });
        assertThat(LotPicker.pick(milk, q("3"), Purpose.REMOVAL, "NOPE", TODAY, false).shortfall()).isEqualByComparingTo("3");
    }

    @Test
    void goodsWithoutExpiryGoOutInTheOrderTheyCameIn() {
        var rice = List.of(new Lot(7, null, null, q("52.00"), q("25")), new Lot(4, null, null, q("50.00"), q("10")));
        var picking = LotPicker.pick(rice, q("12.5"), Purpose.SALE, null, TODAY, false);
        assertThat(picking.takes()).extracting(t -> t.lot().id(), Take::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, q("10")), org.assertj.core.groups.Tuple.tuple(7L, q("2.5")));
        // a lot with an expiry date goes before lots without one
        var mixed = List.of(new Lot(1, null, null, q("1"), q("1")), new Lot(2, "B", LocalDate.of(2027, 1, 1), q("1"), q("1")));
        assertThat(LotPicker.pick(mixed, q("1"), Purpose.SALE, null, TODAY, false).takes().get(0).lot().id()).isEqualTo(2L);
    }
}
