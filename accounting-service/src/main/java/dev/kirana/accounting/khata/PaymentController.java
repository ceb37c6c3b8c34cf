package dev.kirana.accounting.khata;

import dev.kirana.web.idempotency.IdempotencyKeys;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting")
@Tag(name = "Khata payments", description = "Money received from customers and paid to suppliers, and their reversals")
public class PaymentController {
    private final PaymentService payments;
    private final IdempotencyKeys idempotency;

    public PaymentController(PaymentService payments, IdempotencyKeys idempotency) {
        this.payments = payments;
        this.idempotency = idempotency;
    }

    @PostMapping("/parties/{partyId}/collections")
    @Operation(summary = "Record money received from a customer (owner, manager or cashier); requires Idempotency-Key",
            description = "Any part of what is due, all of it, or more (the rest shows as an advance). Posts Dr cash 1000 / card 1010 / "
                    + "UPI 1020 / the bank account (1051 …), Cr Customers 1100 on the customer's khata. "
                    + "By BANK the money goes to the bank account bankAccountId names (404 when the shop has no such account); without it to "
                    + "the shop's only bank account, or to 1050 Bank accounts when it has none or several (then no account's reconciliation "
                    + "sees it). The response's account says which. "
                    + "Publishes payment.received and party.balance-changed.")
    @ApiResponse(responseCode = "201", description = "Recorded; balanceAfter is what the customer owes now (negative: an advance)")
    @ApiResponse(responseCode = "400", description = "No amount, zero or negative, more than 2 decimals, UPI without reference, a future date, "
            + "bankAccountId with a mode other than BANK")
    @ApiResponse(responseCode = "404", description = "No such party, or no such bank account, in this shop")
    @ApiResponse(responseCode = "422", description = "The party is a supplier")
    public Mono<ResponseEntity<Payment>> collect(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID partyId,
                                                 @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                 @RequestBody PaymentRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER, Role.CASHIER).requireShop();
        return idempotency.execute(shop, key, "POST /api/v1/accounting/parties/" + partyId + "/collections", request, Payment.class,
                () -> payments.record(shop, me.subject(), partyId, PaymentDirection.RECEIVED, request).map(PaymentController::created));
    }

    @PostMapping("/parties/{partyId}/payments")
    @Operation(summary = "Record money paid to a supplier (owner or manager); requires Idempotency-Key",
            description = "Part, all, or in advance. Posts Dr Suppliers 2000, Cr cash 1000 / card 1010 / UPI 1020 / the bank "
                    + "account (1051 …). "
                    + "By BANK the money goes to the bank account bankAccountId names (404 when the shop has no such account); without it to "
                    + "the shop's only bank account, or to 1050 Bank accounts when it has none or several (then no account's reconciliation "
                    + "sees it). The response's account says which. "
                    + "Publishes payment.made and party.balance-changed.")
    @ApiResponse(responseCode = "201", description = "Recorded; balanceAfter is what the shop owes the supplier now (negative: an advance)")
    @ApiResponse(responseCode = "400", description = "As for a collection")
    @ApiResponse(responseCode = "404", description = "No such party, or no such bank account, in this shop")
    @ApiResponse(responseCode = "422", description = "The party is a customer")
    public Mono<ResponseEntity<Payment>> pay(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID partyId,
                                             @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                             @RequestBody PaymentRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return idempotency.execute(shop, key, "POST /api/v1/accounting/parties/" + partyId + "/payments", request, Payment.class,
                () -> payments.record(shop, me.subject(), partyId, PaymentDirection.MADE, request).map(PaymentController::created));
    }

    @GetMapping("/parties/{partyId}/payments")
    @Operation(summary = "Every payment and reversal of a party, oldest first (owner, manager, auditor)")
    @ApiResponse(responseCode = "404", description = "No such party in this shop")
    public Mono<List<Payment>> ofParty(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID partyId) {
        String shop = me.requireShop();
        return payments.ofParty(shop, partyId);
    }

    @GetMapping("/payments/{id}")
    @Operation(summary = "One payment (owner, manager, auditor); reversedBy names its counter-entry when it was reversed")
    @ApiResponse(responseCode = "404", description = "No such payment in this shop")
    public Mono<Payment> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        String shop = me.requireShop();
        return payments.get(shop, id);
    }

    @PostMapping("/payments/{id}/reversal")
    @Operation(summary = "Reverse a payment recorded by mistake (owner or manager); requires Idempotency-Key",
            description = "Posts the counter-entry (every line of the original the other way round) and records it as a payment with "
                    + "reversalOf; the original is never edited; it goes through the same account as the original. Publishes payment.received/made with a negative amount and party.balance-changed.")
    @ApiResponse(responseCode = "201", description = "The counter-entry")
    @ApiResponse(responseCode = "404", description = "No such payment in this shop")
    @ApiResponse(responseCode = "409", description = "Already reversed")
    @ApiResponse(responseCode = "422", description = "It is itself a reversal")
    public Mono<ResponseEntity<Payment>> reverse(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                 @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                 @RequestBody ReversalRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return idempotency.execute(shop, key, "POST /api/v1/accounting/payments/" + id + "/reversal", request, Payment.class,
                () -> payments.reverse(shop, me.subject(), id, request).map(PaymentController::created));
    }

    private static ResponseEntity<Payment> created(Payment p) {
        return ResponseEntity.created(URI.create("/api/v1/accounting/payments/" + p.id())).body(p);
    }
}
