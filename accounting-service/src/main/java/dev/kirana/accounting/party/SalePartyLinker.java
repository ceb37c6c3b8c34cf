package dev.kirana.accounting.party;

import dev.kirana.accounting.journal.SaleCustomers;
import dev.kirana.events.OrderEvents;
import dev.kirana.india.Gstin;
import dev.kirana.india.StateCodes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Links the customer named on a sale to its party: by GSTIN, else by phone (a merged record leads to its survivor);
 * a customer seen for the first time becomes a party (origin SALE). Runs in the sale posting's inbox transaction, so a
 * replayed event finds the party it created the first time; the party is held (FOR SHARE) until the posting commits,
 * so a concurrent merge cannot leave the new line behind on the merged record.
 */
@Component
public class SalePartyLinker implements SaleCustomers {
    private final Parties parties;
    private final PartyNews news;

    public SalePartyLinker(Parties parties, PartyNews news) {
        this.parties = parties;
        this.news = news;
    }

    @Override
    public Mono<UUID> partyOf(String shopId, OrderEvents.Customer customer, LocalDate date) {
        if (customer == null) {
            return Mono.empty();
        }
        String phone = PartyDetails.normalizePhone(customer.phone());
        if (!PartyDetails.isPhone(phone)) {
            phone = null;
        }
        String gstin = Gstin.normalize(customer.gstin());
        if (gstin != null && !Gstin.isValid(gstin)) {
            gstin = null;
        }
        if (phone == null && gstin == null) {
            return Mono.empty();
        }
        String p = phone;
        String g = gstin;
        return parties.customerFor(shopId, phone, gstin)
                .flatMap(id -> parties.holdForPosting(shopId, id))
                .switchIfEmpty(Mono.defer(() -> create(shopId, customer, p, g, date)));
    }

    private Mono<UUID> create(String shopId, OrderEvents.Customer c, String phone, String gstin, LocalDate date) {
        String name = c.name() != null && !c.name().isBlank() ? c.name().trim() : phone != null ? phone : gstin;
        String state = gstin != null ? gstin.substring(0, 2) : StateCodes.isValid(c.stateCode()) ? c.stateCode() : null;
        if (name.length() > PartyDetails.NAME_MAX) {
            name = name.substring(0, PartyDetails.NAME_MAX);
        }
        PartyDetails d = new PartyDetails(name, phone, gstin, state, null, null, BigDecimal.ZERO.setScale(2), date, null);
        UUID id = UUID.randomUUID();
        return parties.insert(shopId, id, PartyKind.CUSTOMER, d)
                .flatMap(inserted -> inserted
                        ? parties.find(shopId, id).flatMap(p -> news.created(shopId, p, "SALE")).thenReturn(id)
                        // a live party has the phone or the GSTIN after all (one matched the other key): link to it
                        : parties.customerFor(shopId, phone, gstin));
    }

    @Override
    public Mono<Void> balanceChanged(String shopId, UUID partyId) {
        return news.balanceChanged(shopId, partyId);
    }
}
