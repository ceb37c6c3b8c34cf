package dev.kirana.accounting.khata;

import dev.kirana.accounting.party.PartyKind;

/** Money received from a customer (a collection) or paid to a supplier. */
public enum PaymentDirection {
    RECEIVED(PartyKind.CUSTOMER),
    MADE(PartyKind.SUPPLIER);

    private final PartyKind party;

    PaymentDirection(PartyKind party) {
        this.party = party;
    }

    /** The only kind of party money moves this way with. */
    public PartyKind partyKind() {
        return party;
    }
}
