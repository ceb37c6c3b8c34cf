package dev.kirana.order.creditlimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CreditLimitTest {
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aSaleThatTakesTheBalancePastTheLimitIsRefused() {
        // limit 5,000.00, balance 4,600.00, a credit sale of 581.00: 4,600 + 581 = 5,181 > 5,000
        CreditLimit c = CreditLimit.of(d("5000.00"), d("4600.00"), d("581.00"));
        assertThat(c.exceeded()).isTrue();
        assertThat(c.balanceAfter()).isEqualByComparingTo("5181.00");
        assertThat(c.overBy()).isEqualByComparingTo("181.00");
        assertThat(c.available()).isEqualByComparingTo("400.00");
    }

    @Test
    void aSaleWithinTheLimitIsAllowed() {
        // 4,600 + 390 = 4,990 ≤ 5,000
        CreditLimit c = CreditLimit.of(d("5000.00"), d("4600.00"), d("390.00"));
        assertThat(c.exceeded()).isFalse();
        assertThat(c.balanceAfter()).isEqualByComparingTo("4990.00");
        assertThat(c.overBy()).isEqualByComparingTo("0.00");
    }

    @Test
    void reachingTheLimitExactlyIsAllowedOnePaisaMoreIsNot() {
        assertThat(CreditLimit.of(d("5000"), d("4600.00"), d("400.00")).exceeded()).isFalse();
        assertThat(CreditLimit.of(d("5000"), d("4600.00"), d("400.01")).exceeded()).isTrue();
    }

    @Test
    void noLimitSetMeansNoCheck() {
        // null (accounting's "none") and 0 (a party form left blank) both mean the shop set no limit
        assertThat(CreditLimit.of(null, d("25000.00"), d("581.00")).configured()).isFalse();
        assertThat(CreditLimit.of(null, d("25000.00"), d("581.00")).exceeded()).isFalse();
        assertThat(CreditLimit.of(d("0.00"), d("25000.00"), d("581.00")).exceeded()).isFalse();
        assertThat(CreditLimit.of(d("0.00"), d("0"), d("1")).available()).isNull();
    }

    @Test
    void anAdvanceCountsInTheCustomersFavour() {
        // the shop holds 300.00 of the customer's money (balance -300): 5,200 on credit comes to 4,900 ≤ 5,000
        CreditLimit c = CreditLimit.of(d("5000.00"), d("-300.00"), d("5200.00"));
        assertThat(c.exceeded()).isFalse();
        assertThat(c.balanceAfter()).isEqualByComparingTo("4900.00");
        assertThat(c.available()).isEqualByComparingTo("5300.00");
    }

    @Test
    void aBalanceAlreadyOverTheLimitRefusesAnyCredit() {
        CreditLimit c = CreditLimit.of(d("5000.00"), d("5571.00"), d("1.00"));
        assertThat(c.exceeded()).isTrue();
        assertThat(c.overBy()).isEqualByComparingTo("572.00");
        assertThat(c.available()).isEqualByComparingTo("0.00");
    }
}
