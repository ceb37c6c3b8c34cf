package dev.kirana.accounting.statement;

import dev.kirana.accounting.chart.AccountGroup;
import dev.kirana.accounting.chart.AccountType;
import java.math.BigDecimal;

/** What was posted to one account before a period ({@code opening…}) and in it. */
public record AccountBalance(String code, String name, AccountType type, AccountGroup group,
                             BigDecimal openingDebit, BigDecimal openingCredit, BigDecimal debit, BigDecimal credit) {

    /** Debits less credits before the period. */
    public BigDecimal opening() {
        return openingDebit.subtract(openingCredit);
    }

    /** Debits less credits in the period. */
    public BigDecimal movement() {
        return debit.subtract(credit);
    }

    /** Debits less credits up to the end of the period. */
    public BigDecimal closing() {
        return opening().add(movement());
    }

    /** The balance at the end of the period on the account's normal side (an asset's debit balance, a liability's credit one). */
    public BigDecimal closingBalance() {
        return type.balance(openingDebit.add(debit), openingCredit.add(credit));
    }

    public BigDecimal openingBalance() {
        return type.balance(openingDebit, openingCredit);
    }

    /** The period's movement on the account's normal side. */
    public BigDecimal periodBalance() {
        return type.balance(debit, credit);
    }

    public boolean quiet() {
        return openingDebit.signum() == 0 && openingCredit.signum() == 0 && debit.signum() == 0 && credit.signum() == 0;
    }
}
