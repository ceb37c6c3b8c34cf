package dev.kirana.accounting.journal;

import dev.kirana.events.OrderEvents;
import java.time.LocalDate;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The parties behind the sales postings: the customer named on a sale is linked to (or becomes) a party of the shop,
 * whose khata the sale's receivable line belongs to. Implemented where parties live; the journal only asks.
 */
public interface SaleCustomers {

    /** The party of {@code customer} (found by phone or GSTIN, created when new); empty when the sale names nobody identifiable. */
    Mono<UUID> partyOf(String shopId, OrderEvents.Customer customer, LocalDate date);

    /** A posting just moved the balance of {@code partyId}; runs in the posting's transaction. */
    Mono<Void> balanceChanged(String shopId, UUID partyId);
}
