package dev.kirana.inventory.adjustment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.inventory.stock.Movement;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AdjustmentReasonTest {
    @Test
    void damageAndLossOnlyTakeStockAway() {
        assertThat(AdjustmentReason.DAMAGE.problem(new BigDecimal("-2"))).isEmpty();
        assertThat(AdjustmentReason.LOSS.problem(new BigDecimal("1"))).hasValue("loss takes stock away: the quantity must be negative");
        assertThat(AdjustmentReason.CORRECTION.problem(new BigDecimal("1.5"))).isEmpty();
        assertThat(AdjustmentReason.CORRECTION.problem(new BigDecimal("-0.25"))).isEmpty();
        assertThat(AdjustmentReason.CORRECTION.problem(BigDecimal.ZERO)).hasValue("must not be zero");
        assertThat(AdjustmentReason.DAMAGE.movement()).isEqualTo(Movement.DAMAGE);
    }
}
