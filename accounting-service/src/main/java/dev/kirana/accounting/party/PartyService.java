package dev.kirana.accounting.party;

import dev.kirana.accounting.journal.Journal;
import dev.kirana.india.Gstin;
import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Creating, changing and merging parties: each a single transaction with its journal entries and events. */
@Service
public class PartyService {
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Kolkata");
    private final Parties parties;
    private final Journal journal;
    private final PartyNews news;
    private final TransactionalOperator tx;

    public PartyService(Parties parties, Journal journal, PartyNews news, TransactionalOperator tx) {
        this.parties = parties;
        this.journal = journal;
        this.news = news;
        this.tx = tx;
    }

    public Mono<Party> get(String shopId, UUID id) {
        return parties.find(shopId, id).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    /** The live customer with this phone or GSTIN (as a cashier types it); 404 when there is none. */
    public Mono<Party> customerBy(String shopId, String phone, String gstin) {
        String p = PartyDetails.normalizePhone(phone);
        String g = Gstin.normalize(gstin == null || gstin.isBlank() ? null : gstin);
        if (p == null && g == null) {
            return Mono.error(Problems.invalid("phone", "give the customer's phone or GSTIN"));
        }
        return parties.findLive(shopId, PartyKind.CUSTOMER, p, g)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No customer with this phone or GSTIN in this shop")));
    }

    public Mono<Parties.Page> list(String shopId, PartyKind kind, String query, boolean includeMerged, Parties.Order order,
                                   int page, int size) {
        return parties.list(shopId, kind, query == null || query.isBlank() ? null : query, includeMerged, order, page, size);
    }

    public Mono<Party> create(String shopId, PartyRequests.CreateParty r) {
        if (r.kind() == null) {
            return Mono.error(Problems.invalid("kind", "is required: CUSTOMER or SUPPLIER"));
        }
        PartyDetails.Checked checked = PartyDetails.check(r.name(), r.phone(), r.gstin(), r.stateCode(), r.address(),
                r.creditLimit(), r.openingBalance(), r.openingDate() == null ? LocalDate.now(SHOP_ZONE) : r.openingDate(), r.notes());
        if (!checked.valid()) {
            return Mono.error(invalid(checked.errors()));
        }
        PartyDetails d = checked.details();
        UUID id = UUID.randomUUID();
        Mono<Party> work = refuseDuplicate(shopId, r.kind(), d, null)
                .then(parties.insert(shopId, id, r.kind(), d))
                .flatMap(inserted -> inserted ? Mono.empty() : Mono.error(duplicate(r.kind())))
                .then(postOpening(shopId, id, r.kind(), d.name(), label(d), d.openingBalance(), d.openingDate(), "party.opening:" + id))
                .then(parties.find(shopId, id))
                .flatMap(p -> news.created(shopId, p, "API").then(news.balanceChanged(shopId, id)).thenReturn(p));
        return tx.transactional(work);
    }

    public Mono<Party> update(String shopId, UUID id, PartyRequests.UpdateParty r, String ifMatch) {
        Mono<Party> work = parties.lock(shopId, id)
                .switchIfEmpty(Mono.error(() -> notFound(id)))
                .flatMap(current -> {
                    if (current.merged()) {
                        return Mono.error(Problems.conflict("This party was merged into " + current.mergedInto() + "; change that one"));
                    }
                    if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(current.etag())) {
                        return Mono.error(Problems.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                                "The party changed since it was read (its ETag is now " + current.etag() + ")"));
                    }
                    BigDecimal limit = Boolean.TRUE.equals(r.clearCreditLimit()) ? null
                            : r.creditLimit() != null ? r.creditLimit() : current.creditLimit();
                    PartyDetails.Checked checked = PartyDetails.check(pick(r.name(), current.name()), pick(r.phone(), current.phone()),
                            pick(r.gstin(), current.gstin()), pick(r.stateCode(), current.stateCode()),
                            pick(r.address(), current.address()), limit,
                            r.openingBalance() != null ? r.openingBalance() : current.openingBalance(), current.openingDate(),
                            pick(r.notes(), current.notes()));
                    if (!checked.valid()) {
                        return Mono.error(invalid(checked.errors()));
                    }
                    PartyDetails d = checked.details();
                    BigDecimal openingChange = d.openingBalance().subtract(current.openingBalance());
                    boolean limitChanged = !Objects.equals(d.creditLimit(), current.creditLimit())
                            && (d.creditLimit() == null || current.creditLimit() == null || d.creditLimit().compareTo(current.creditLimit()) != 0);
                    return refuseDuplicate(shopId, current.kind(), d, id)
                            .then(parties.update(shopId, id, current.version(), d))
                            .flatMap(updated -> updated ? Mono.empty() : Mono.error(Problems.of(HttpStatus.PRECONDITION_FAILED,
                                    "precondition-failed", "Precondition failed", "The party changed meanwhile; read it again")))
                            .then(postOpening(shopId, id, current.kind(), d.name(), label(d), openingChange, current.openingDate(),
                                    "party.opening:" + id + ":v" + (current.version() + 1)))
                            .then(parties.find(shopId, id))
                            .flatMap(p -> news.updated(shopId, p)
                                    .then(openingChange.signum() != 0 || limitChanged ? news.balanceChanged(shopId, id) : Mono.empty())
                                    .thenReturn(p));
                });
        return tx.transactional(work);
    }

    /** Merges {@code mergedId} into {@code survivorId}: both of one kind, live, of this shop. */
    public Mono<Party> merge(String shopId, UUID survivorId, UUID mergedId, String by) {
        if (mergedId == null) {
            return Mono.error(Problems.invalid("mergedPartyId", "is required"));
        }
        if (survivorId.equals(mergedId)) {
            return Mono.error(Problems.unprocessable("merge-with-itself", "A party cannot be merged into itself"));
        }
        // lock in id order, so two merges of the same pair cannot deadlock
        UUID first = survivorId.compareTo(mergedId) < 0 ? survivorId : mergedId;
        UUID second = first.equals(survivorId) ? mergedId : survivorId;
        Mono<Party> work = parties.lock(shopId, first).switchIfEmpty(Mono.error(() -> notFound(first))).then(
                        parties.lock(shopId, second).switchIfEmpty(Mono.error(() -> notFound(second))))
                .then(Mono.zip(parties.find(shopId, survivorId), parties.find(shopId, mergedId)))
                .flatMap(both -> {
                    Party survivor = both.getT1();
                    Party merged = both.getT2();
                    if (survivor.merged() || merged.merged()) {
                        return Mono.error(Problems.conflict("Party " + (survivor.merged() ? survivor.id() : merged.id())
                                + " was already merged into another"));
                    }
                    if (survivor.kind() != merged.kind()) {
                        return Mono.error(Problems.unprocessable("merge-different-kinds",
                                "A " + merged.kind().name().toLowerCase() + " cannot be merged into a " + survivor.kind().name().toLowerCase()));
                    }
                    // the survivor keeps its own details and takes what only the merged record knew
                    PartyDetails absorbed = new PartyDetails(survivor.name(), pick(survivor.phone(), merged.phone()),
                            pick(survivor.gstin(), merged.gstin()), pick(survivor.stateCode(), merged.stateCode()),
                            pick(survivor.address(), merged.address()), survivor.creditLimit() != null ? survivor.creditLimit() : merged.creditLimit(),
                            survivor.openingBalance().add(merged.openingBalance()), survivor.openingDate(),
                            survivor.notes() != null ? survivor.notes() : merged.notes());
                    if (survivor.gstin() != null && merged.gstin() != null && !survivor.gstin().equals(merged.gstin())) {
                        return Mono.error(Problems.unprocessable("merge-different-gstins",
                                "The two parties have different GSTINs: they are different businesses"));
                    }
                    return parties.merge(shopId, survivorId, mergedId)
                            .flatMap(moved -> parties.update(shopId, survivorId, survivor.version(), absorbed)
                                    .then(parties.find(shopId, survivorId))
                                    .flatMap(p -> news.merged(shopId, p, mergedId, moved, by)
                                            .then(news.updated(shopId, p))
                                            .then(news.balanceChanged(shopId, survivorId))
                                            .then(news.balanceChanged(shopId, mergedId))
                                            .thenReturn(p)));
                });
        return tx.transactional(work);
    }

    private Mono<Void> refuseDuplicate(String shopId, PartyKind kind, PartyDetails d, UUID self) {
        return parties.findLive(shopId, kind, d.phone(), null)
                .filter(other -> !other.id().equals(self))
                .flatMap(other -> Mono.<Void>error(Problems.conflict("A " + kind.name().toLowerCase() + " with phone " + d.phone()
                        + " already exists: " + other.id() + " (" + other.name() + "); merge the two instead")))
                .then(parties.findLive(shopId, kind, null, d.gstin())
                        .filter(other -> !other.id().equals(self))
                        .flatMap(other -> Mono.<Void>error(Problems.conflict("A " + kind.name().toLowerCase() + " with GSTIN "
                                + d.gstin() + " already exists: " + other.id() + " (" + other.name() + ")"))));
    }

    private Mono<Void> postOpening(String shopId, UUID id, PartyKind kind, String name, String label, BigDecimal amount,
                                   LocalDate date, String source) {
        if (amount.signum() == 0) {
            return Mono.empty();
        }
        return journal.post(shopId, OpeningBalance.entry(kind, name, label, amount, date, source), id);
    }

    private static String label(PartyDetails d) {
        return d.phone() != null ? d.phone() : d.gstin();
    }

    /** The new value when given ("" clears it), else the current one. */
    private static String pick(String given, String current) {
        return given == null ? current : given;
    }

    static RuntimeException notFound(UUID id) {
        return Problems.notFound("No party " + id + " in this shop");
    }

    private static RuntimeException duplicate(PartyKind kind) {
        return Problems.conflict("A " + kind.name().toLowerCase() + " with this phone or GSTIN already exists");
    }

    private static RuntimeException invalid(Map<String, String> errors) {
        List<Problems.FieldError> list = errors.entrySet().stream().map(e -> new Problems.FieldError(e.getKey(), e.getValue())).toList();
        return Problems.invalid(list);
    }
}
