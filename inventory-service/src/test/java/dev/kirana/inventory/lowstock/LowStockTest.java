package dev.kirana.inventory.lowstock;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LowStockTest {
    private static BigDecimal q(String s) {
        return new BigDecimal(s);
    }

    @Test
    void announcedOnceWhenAvailableFallsToTheReorderLevel() {
        var atLevel = LowStock.next(false, q("10"), q("10"));
        assertThat(atLevel.low()).isTrue();
        assertThat(atLevel.announce()).isTrue();
        var stillLow = LowStock.next(true, q("4.5"), q("10"));
        assertThat(stillLow.low()).isTrue();
        assertThat(stillLow.announce()).isFalse();
    }

    @Test
    void restockingAboveTheLevelArmsItAgain() {
        var restocked = LowStock.next(true, q("10.001"), q("10"));
        assertThat(restocked.low()).isFalse();
        assertThat(restocked.announce()).isFalse();
        assertThat(LowStock.next(false, q("3"), q("10")).announce()).isTrue();
    }

    @Test
    void withoutAReorderLevelNothingIsLow() {
        assertThat(LowStock.next(false, q("0"), null).low()).isFalse();
        assertThat(LowStock.isLow(q("0"), q("0"))).isTrue();
    }
}
