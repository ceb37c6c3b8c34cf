package dev.kirana.accounting.party;

import dev.kirana.accounting.journal.Account;
import java.math.BigDecimal;

/** A customer (who owes the shop: a receivable, khata) or a supplier (whom the shop owes: a payable). */
public enum PartyKind {
    CUSTOMER(Account.CUSTOMERS),
    SUPPLIER(Account.SUPPLIERS);

    private final Account control;

    PartyKind(Account control) {
        this.control = control;
    }

    /** The account the party's dues are kept on: customers 1100, suppliers 2000. */
    public Account controlAccount() {
        return control;
    }

    /**
     * A party's balance from the debits and credits on its control account, in its own sense: what a customer owes
     * (debits less credits), what the shop owes a supplier (credits less debits). Negative is an advance.
     */
    public BigDecimal balance(BigDecimal debits, BigDecimal credits) {
        return this == CUSTOMER ? debits.subtract(credits) : credits.subtract(debits);
    }
}
