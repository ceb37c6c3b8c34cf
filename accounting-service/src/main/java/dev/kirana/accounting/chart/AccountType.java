package dev.kirana.accounting.chart;

import java.math.BigDecimal;

/** The five kinds of account. Assets and expenses have debit balances; liabilities, equity and income credit ones. */
public enum AccountType {
    ASSET(true), LIABILITY(false), EQUITY(false), INCOME(false), EXPENSE(true);

    private final boolean debitNormal;

    AccountType(boolean debitNormal) {
        this.debitNormal = debitNormal;
    }

    public boolean debitNormal() {
        return debitNormal;
    }

    /** The balance on the account's normal side: debits less credits for a debit account, the reverse otherwise. */
    public BigDecimal balance(BigDecimal debit, BigDecimal credit) {
        return debitNormal ? debit.subtract(credit) : credit.subtract(debit);
    }

    /** True for the accounts of the profit and loss statement. */
    public boolean profitAndLoss() {
        return this == INCOME || this == EXPENSE;
    }
}
