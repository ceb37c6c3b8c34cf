package dev.kirana.inventory.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CountDifferenceTest {
    private static BigDecimal q(String s) {
        return new BigDecimal(s);
    }

    @Test
    void theDifferenceIsCountedLessTheBooks() {
        assertThat(CountDifference.of(q("48.000"), q("45"))).isEqualByComparingTo("-3");
        assertThat(CountDifference.of(q("12.5"), q("13.25"))).isEqualByComparingTo("0.75");
        assertThat(CountDifference.of(q("7"), q("7.000"))).isEqualByComparingTo("0");
    }

    @Test
    void aCountBelowWhatIsPromisedOrBelowZeroIsRefused() {
        assertThat(CountDifference.problem(q("3"), q("5.000"))).hasValue("counted 3 is below the 5 reserved for pending orders; settle those orders first");
        assertThat(CountDifference.problem(q("-1"), q("0"))).hasValue("a count cannot be negative");
        assertThat(CountDifference.problem(q("5"), q("5"))).isEmpty();
        assertThat(CountDifference.problem(q("0"), q("0"))).isEmpty();
    }
}
