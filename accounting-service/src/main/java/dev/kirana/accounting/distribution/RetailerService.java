package dev.kirana.accounting.distribution;

import dev.kirana.accounting.party.Party;
import dev.kirana.accounting.party.PartyKind;
import dev.kirana.accounting.party.PartyRequests;
import dev.kirana.accounting.party.PartyService;
import dev.kirana.web.problem.Problems;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Adding and changing retailers: the party (through {@link PartyService}) and its retailer profile in one transaction. */
@Service
public class RetailerService {
    private final Retailers retailers;
    private final PartyService parties;
    private final TransactionalOperator tx;

    public RetailerService(Retailers retailers, PartyService parties, TransactionalOperator tx) {
        this.retailers = retailers;
        this.parties = parties;
        this.tx = tx;
    }

    public Mono<Retailer> get(String shopId, UUID id) {
        return retailers.find(shopId, id).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    public Mono<Retailers.RetailerPage> list(String shopId, String area, String route, String query, int page, int size) {
        return retailers.list(shopId, blankToNull(area), blankToNull(route), blankToNull(query), page, size);
    }

    public Mono<Retailer> create(String shopId, RetailerRequests.CreateRetailer r) {
        RetailerProfile.Checked checked = RetailerProfile.check(r.code(), r.area(), r.route(), r.creditDays());
        if (!checked.valid()) {
            return Mono.error(invalid(checked.errors()));
        }
        RetailerProfile profile = checked.profile();
        Mono<UUID> party = r.partyId() != null
                ? parties.get(shopId, r.partyId()).flatMap(p -> existingCustomer(shopId, p))
                : parties.create(shopId, new PartyRequests.CreateParty(PartyKind.CUSTOMER, r.name(), r.phone(), r.gstin(), r.stateCode(),
                        r.address(), r.creditLimit(), r.openingBalance(), r.openingDate(), r.notes())).map(Party::id);
        Mono<Retailer> work = refuseTakenCode(shopId, profile.code(), null)
                .then(party)
                .flatMap(id -> addProfile(shopId, id, profile).then(retailers.find(shopId, id)));
        return tx.transactional(work);
    }

    /** Adds the profile to a party created or checked in this transaction; a code taken meanwhile is a 409. */
    Mono<Void> addProfile(String shopId, UUID partyId, RetailerProfile profile) {
        return retailers.insert(shopId, partyId, profile)
                .flatMap(inserted -> inserted ? Mono.<Void>empty() : Mono.error(Problems.conflict("Retailer code " + profile.code()
                        + " is another retailer's, or this customer is a retailer already")));
    }

    public Mono<Retailer> update(String shopId, UUID id, RetailerRequests.UpdateRetailer r, String ifMatch) {
        RetailerProfile.Checked checked = RetailerProfile.check(r.code(), r.area(), r.route(), r.creditDays());
        if (!checked.valid()) {
            return Mono.error(invalid(checked.errors()));
        }
        RetailerProfile profile = checked.profile();
        Mono<Retailer> work = retailers.find(shopId, id)
                .switchIfEmpty(Mono.error(() -> notFound(id)))
                .flatMap(current -> {
                    if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(current.etag())) {
                        return Mono.error(Problems.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                                "The retailer changed since it was read (its ETag is now " + current.etag() + ")"));
                    }
                    boolean partyChanges = r.name() != null || r.phone() != null || r.gstin() != null || r.stateCode() != null
                            || r.address() != null || r.creditLimit() != null || Boolean.TRUE.equals(r.clearCreditLimit()) || r.notes() != null;
                    Mono<?> partyUpdate = partyChanges
                            ? parties.update(shopId, id, new PartyRequests.UpdateParty(r.name(), r.phone(), r.gstin(), r.stateCode(),
                                    r.address(), r.creditLimit(), null, r.notes(), r.clearCreditLimit()), null)
                            : Mono.empty();
                    return refuseTakenCode(shopId, profile.code(), id)
                            .then(retailers.update(shopId, id, current.version(), profile))
                            .flatMap(updated -> updated ? Mono.empty() : Mono.error(Problems.of(HttpStatus.PRECONDITION_FAILED,
                                    "precondition-failed", "Precondition failed", "The retailer changed meanwhile; read it again")))
                            .then(partyUpdate)
                            .then(retailers.find(shopId, id));
                });
        return tx.transactional(work);
    }

    private Mono<UUID> existingCustomer(String shopId, Party p) {
        if (p.kind() != PartyKind.CUSTOMER) {
            return Mono.error(Problems.unprocessable("retailer-not-a-customer", p.name() + " is a supplier; a retailer is a customer"));
        }
        if (p.merged()) {
            return Mono.error(Problems.conflict("This party was merged into " + p.mergedInto() + "; make that one the retailer"));
        }
        return retailers.find(shopId, p.id())
                .flatMap(existing -> Mono.<UUID>error(Problems.conflict(p.name() + " is a retailer already, code " + existing.code())))
                .switchIfEmpty(Mono.just(p.id()));
    }

    private Mono<Void> refuseTakenCode(String shopId, String code, UUID self) {
        return retailers.codeTaken(shopId, code, self)
                .flatMap(taken -> taken ? Mono.error(Problems.conflict("Retailer code " + code + " is another retailer's")) : Mono.empty());
    }

    static RuntimeException notFound(UUID id) {
        return Problems.notFound("No retailer " + id + " in this shop");
    }

    private static RuntimeException invalid(Map<String, String> errors) {
        List<Problems.FieldError> list = errors.entrySet().stream().map(e -> new Problems.FieldError(e.getKey(), e.getValue())).toList();
        return Problems.invalid(list);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
