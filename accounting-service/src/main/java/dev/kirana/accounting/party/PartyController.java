package dev.kirana.accounting.party;

import dev.kirana.web.idempotency.IdempotencyKeys;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting/parties")
@Tag(name = "Parties", description = "Customers (khata) and suppliers of the shop, with their balances")
public class PartyController {
    static final Role[] READERS = {Role.OWNER, Role.MANAGER, Role.AUDITOR};
    static final Role[] WRITERS = {Role.OWNER, Role.MANAGER};
    private final PartyService parties;
    private final IdempotencyKeys idempotency;

    public PartyController(PartyService parties, IdempotencyKeys idempotency) {
        this.parties = parties;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Add a customer or supplier (owner or manager)",
            description = "The phone is normalised; a GSTIN is checked (format, state code, check character) and must be of the "
                    + "state given. A non-zero opening balance is posted against Opening balances (3100). With an Idempotency-Key "
                    + "a retry returns the first response. Publishes party.created and party.balance-changed.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the party")
    @ApiResponse(responseCode = "400", description = "Invalid fields, e.g. a GSTIN with a wrong check character or of another state")
    @ApiResponse(responseCode = "409", description = "A live party of the same kind already has this phone or GSTIN")
    public Mono<ResponseEntity<Party>> create(@AuthenticationPrincipal ShopPrincipal me,
                                              @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                              @RequestBody PartyRequests.CreateParty request) {
        String shop = me.require(WRITERS).requireShop();
        java.util.function.Supplier<Mono<ResponseEntity<Party>>> action = () -> parties.create(shop, request)
                .map(p -> ResponseEntity.created(URI.create("/api/v1/accounting/parties/" + p.id())).eTag(p.etag()).body(p));
        return key == null ? action.get()
                : idempotency.execute(shop, key, "POST /api/v1/accounting/parties", request, Party.class, action);
    }

    @GetMapping
    @Operation(summary = "Parties with their current balances, by name (owner, manager, auditor)",
            description = "Paged in a stable order (name then id, or with sort=DUE the largest balance first, then id). q searches the name (any part) and the phone (3 or more digits) "
                    + "and the GSTIN. Merged records are left out unless includeMerged=true.")
    public Mono<Parties.Page> list(@AuthenticationPrincipal ShopPrincipal me,
                                   @Parameter(description = "CUSTOMER or SUPPLIER") @RequestParam(required = false) PartyKind kind,
                                   @Parameter(description = "part of the name, phone or GSTIN") @RequestParam(required = false) String q,
                                   @RequestParam(defaultValue = "false") boolean includeMerged,
                                   @Parameter(description = "NAME (default) or DUE: who owes, or is owed, the most first")
                                   @RequestParam(defaultValue = "NAME") Parties.Order sort,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        String shop = me.requireShop();
        if (page < 0) {
            return Mono.error(Problems.invalid("page", "must be 0 or more"));
        }
        if (size < 1 || size > 200) {
            return Mono.error(Problems.invalid("size", "must be 1 to 200"));
        }
        return parties.list(shop, kind, q, includeMerged, sort, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A party with its current balance (owner, manager, auditor); ETag for a later change")
    @ApiResponse(responseCode = "404", description = "No such party in this shop")
    public Mono<ResponseEntity<Party>> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        String shop = me.requireShop();
        return parties.get(shop, id).map(p -> ResponseEntity.ok().eTag(p.etag()).body(p));
    }

    @GetMapping("/{id}/balance")
    @Allowed(Access.CUSTOMER_BALANCE)
    @Operation(summary = "What one customer owes and the credit left (owner, manager, auditor; a cashier for customers)",
            description = "The counter's view of the customer in front of it. A cashier may read a customer's balance, not a supplier's.")
    @ApiResponse(responseCode = "404", description = "No such party in this shop")
    public Mono<PartyBalance> balance(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        String shop = me.requireShop();
        boolean cashierOnly = me.hasAnyRole(Role.CASHIER) && !me.hasAnyRole(READERS);
        return parties.get(shop, id).flatMap(p -> cashierOnly && p.kind() != PartyKind.CUSTOMER
                ? Mono.error(Problems.forbidden("A cashier may read the balance of a customer only"))
                : Mono.just(PartyBalance.of(p)));
    }

    @GetMapping("/balance")
    @Allowed(Access.CUSTOMER_BALANCE)
    @Operation(summary = "The balance of the customer with this phone or GSTIN (owner, manager, auditor, cashier)",
            description = "How the counter finds the customer in front of it without reading the list of parties. "
                    + "The phone is normalised as on create (spaces, dashes and +91 dropped).")
    @ApiResponse(responseCode = "404", description = "No live customer with this phone or GSTIN in this shop")
    public Mono<PartyBalance> customerBalance(@AuthenticationPrincipal ShopPrincipal me,
                                              @RequestParam(required = false) String phone,
                                              @RequestParam(required = false) String gstin) {
        String shop = me.requireShop();
        return parties.customerBy(shop, phone, gstin).map(PartyBalance::of);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a party's details (owner or manager); absent fields stay, an empty string clears one",
            description = "Send If-Match with the ETag you read to avoid overwriting a concurrent change. A new opening balance "
                    + "posts the difference as a correcting entry (entries are never edited). Publishes party.updated.")
    @ApiResponse(responseCode = "412", description = "The party changed since the ETag was read")
    @ApiResponse(responseCode = "409", description = "The party was merged, or its new phone/GSTIN is another party's")
    public Mono<ResponseEntity<Party>> update(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @RequestBody PartyRequests.UpdateParty request) {
        String shop = me.require(WRITERS).requireShop();
        return parties.update(shop, id, request, ifMatch).map(p -> ResponseEntity.ok().eTag(p.etag()).body(p));
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Merge a duplicate record of the same person into this party (owner or manager)",
            description = "Every entry and payment of mergedPartyId moves to this party; the duplicate is kept, marked merged "
                    + "(mergedInto), never deleted, and later sales naming its phone post here. Publishes party.merged, "
                    + "party.updated and party.balance-changed for both.")
    @ApiResponse(responseCode = "404", description = "Either party is not in this shop")
    @ApiResponse(responseCode = "409", description = "Either party was already merged")
    @ApiResponse(responseCode = "422", description = "A party into itself, a customer with a supplier, or two different GSTINs")
    public Mono<Party> merge(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                             @RequestBody PartyRequests.MergeParty request) {
        String shop = me.require(WRITERS).requireShop();
        return parties.merge(shop, id, request.mergedPartyId(), me.subject());
    }
}
