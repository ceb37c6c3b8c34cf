package dev.kirana.accounting.khata;

import dev.kirana.accounting.journal.Account;

/** How money changed hands, and the account it went through. */
public enum PaymentMode {
    CASH(Account.CASH),
    /** through the shop's UPI provider: settled to the bank later (UPI settlements 1020) */
    UPI(Account.UPI_SETTLEMENTS),
    /** through the card terminal: settled to the bank later (card settlements 1010) */
    CARD(Account.CARD_SETTLEMENTS),
    /** straight into or out of the shop's bank account (NEFT, IMPS, cheque) */
    BANK(Account.BANK);

    private final Account account;

    PaymentMode(Account account) {
        this.account = account;
    }

    public Account account() {
        return account;
    }
}
