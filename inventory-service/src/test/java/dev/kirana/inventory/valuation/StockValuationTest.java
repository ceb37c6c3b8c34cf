package dev.kirana.inventory.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.inventory.lots.Lot;
import dev.kirana.inventory.lots.LotPicker.Take;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class StockValuationTest {
    private static BigDecimal q(String s) {
        return new BigDecimal(s);
    }

    // toor dal: 10 kg bought at ₹100, then 30 kg at ₹120
    final Lot first = new Lot(1, null, null, q("100.00"), q("10"));
    final Lot second = new Lot(2, null, null, q("120.00"), q("30"));

    @Test
    void movingAverageBlendsReceiptsAndIssuesAtTheAverage() {
        BigDecimal avg = StockValuation.averageAfterReceipt(ValuationMethod.MOVING_AVERAGE, q("10"), q("100.0000"), q("1000"), q("30"), q("120.00"));
        assertThat(avg).isEqualByComparingTo("115.0000");
        var takes = List.of(new Take(first, q("10")), new Take(second, q("5")));
        assertThat(StockValuation.issueUnitCost(ValuationMethod.MOVING_AVERAGE, takes, avg)).isEqualByComparingTo("115.0000");
        assertThat(StockValuation.issueValue(ValuationMethod.MOVING_AVERAGE, takes, q("15"), avg)).isEqualByComparingTo("1725.0000");
        assertThat(StockValuation.averageAfterIssue(ValuationMethod.MOVING_AVERAGE, avg, q("25"), q("3000"))).isEqualByComparingTo("115.0000");
        assertThat(StockValuation.stockValue(ValuationMethod.MOVING_AVERAGE, q("25"), avg, q("3000"))).isEqualByComparingTo("2875.0000");
    }

    @Test
    void fifoIssuesAtTheCostOfTheLotsTheyTake() {
        // selling 15 kg takes all 10 at ₹100 and 5 at ₹120: ₹1,600, i.e. ₹106.6667 a kg
        var takes = List.of(new Take(first, q("10")), new Take(second, q("5")));
        assertThat(StockValuation.issueValue(ValuationMethod.FIFO, takes, q("15"), q("115"))).isEqualByComparingTo("1600.0000");
        assertThat(StockValuation.issueUnitCost(ValuationMethod.FIFO, takes, q("115"))).isEqualByComparingTo("106.6667");
        // 25 kg left, all at ₹120
        assertThat(StockValuation.averageAfterIssue(ValuationMethod.FIFO, q("115"), q("25"), q("3000"))).isEqualByComparingTo("120.0000");
        assertThat(StockValuation.stockValue(ValuationMethod.FIFO, q("25"), q("120"), q("3000.00"))).isEqualByComparingTo("3000.0000");
        assertThat(StockValuation.averageAfterReceipt(ValuationMethod.FIFO, q("10"), q("100"), q("1000"), q("30"), q("120")))
                .isEqualByComparingTo("115.0000");
    }

    @Test
    void anEmptyShelfKeepsItsLastCostAndAFirstReceiptSetsIt() {
        assertThat(StockValuation.averageAfterIssue(ValuationMethod.FIFO, q("120.0000"), q("0"), q("0"))).isEqualByComparingTo("120.0000");
        assertThat(MovingAverageCost.afterReceipt(q("0"), q("120"), q("3"), q("33.333"))).isEqualByComparingTo("33.3330");
        // 3 at ₹10 onto 7 at ₹10.3333: (72.3331 + 30) / 10
        assertThat(MovingAverageCost.afterReceipt(q("7"), q("10.3333"), q("3"), q("10"))).isEqualByComparingTo("10.2333");
    }
}
