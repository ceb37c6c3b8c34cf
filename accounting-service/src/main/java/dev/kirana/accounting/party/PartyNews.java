package dev.kirana.accounting.party;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The party events, appended to the outbox in the caller's transaction, keyed by the party id. */
@Component
public class PartyNews {
    private final OutboxWriter outbox;
    private final Parties parties;

    public PartyNews(OutboxWriter outbox, Parties parties) {
        this.outbox = outbox;
        this.parties = parties;
    }

    Mono<Void> created(String shopId, Party p, String origin) {
        return append(shopId, EventTypes.PARTY_CREATED, p.id(), new AccountingEvents.PartyCreated(p.id().toString(),
                p.kind().name(), p.name(), p.phone(), p.gstin(), p.stateCode(), p.address(), p.creditLimit(),
                p.openingBalance(), p.openingDate(), origin, p.createdAt()));
    }

    Mono<Void> updated(String shopId, Party p) {
        return append(shopId, EventTypes.PARTY_UPDATED, p.id(), new AccountingEvents.PartyUpdated(p.id().toString(),
                p.kind().name(), p.name(), p.phone(), p.gstin(), p.stateCode(), p.address(), p.creditLimit(),
                p.openingBalance(), p.version(), p.updatedAt()));
    }

    Mono<Void> merged(String shopId, Party survivor, UUID mergedId, long movedLines, String by) {
        return append(shopId, EventTypes.PARTY_MERGED, survivor.id(), new AccountingEvents.PartyMerged(survivor.id().toString(),
                mergedId.toString(), survivor.kind().name(), movedLines, by, now()));
    }

    /** Reads the party's balance as it stands in this transaction and announces it with its credit limit. */
    public Mono<Void> balanceChanged(String shopId, UUID partyId) {
        return parties.find(shopId, partyId).flatMap(p -> append(shopId, EventTypes.PARTY_BALANCE_CHANGED, p.id(),
                new AccountingEvents.PartyBalanceChanged(p.id().toString(), p.kind().name(), p.balance(), p.creditLimit(),
                        p.mergedInto() == null ? null : p.mergedInto().toString(), now())));
    }

    /** Appends another event about a party (a payment), keyed by the party. */
    public Mono<Void> append(String shopId, String type, UUID partyId, Object data) {
        return outbox.append(Topics.ACCOUNTING, type, partyId.toString(), shopId, data).then();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
