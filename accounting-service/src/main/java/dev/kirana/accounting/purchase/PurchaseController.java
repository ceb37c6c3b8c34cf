package dev.kirana.accounting.purchase;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting/purchase-bills")
@Tag(name = "Purchases", description = "Suppliers' bills (input GST, stock received by inventory-service) and returns under debit notes")
public class PurchaseController {
    private final PurchaseService purchases;
    private final IdempotencyKeys idempotency;

    public PurchaseController(PurchaseService purchases, IdempotencyKeys idempotency) {
        this.purchases = purchases;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Record a supplier's bill (owner or manager); requires Idempotency-Key",
            description = "Tax per line to the paisa: within the shop's state input CGST + SGST at half the rate each, from another "
                    + "state input IGST (from the supplier's GSTIN or state and the shop's; supplyType when one is not known). Posts "
                    + "Dr Inventory 1200 (taxable value), Dr Input CGST 1300 / SGST 1310 or IGST 1320, Cr Suppliers 2000; paidNow adds a "
                    + "supplier payment (Dr Suppliers, Cr cash 1000 / bank 1050 / UPI 1020). Publishes purchase.billed, which "
                    + "inventory-service follows to receive the goods, and party.balance-changed.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "400", description = "A missing or wrong field: quantity not above zero, a negative cost, a rate "
            + "that is not a GST slab, a future date, paidNow above the total")
    @ApiResponse(responseCode = "404", description = "No such party in this shop")
    @ApiResponse(responseCode = "409", description = "The supplier already has a bill with this number (nothing is written)")
    @ApiResponse(responseCode = "422", description = "The party is a customer, or supplyType is needed or disagrees with the states")
    public Mono<ResponseEntity<PurchaseBill>> record(@AuthenticationPrincipal ShopPrincipal me,
                                                     @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                     @RequestBody PurchaseBillRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return idempotency.execute(shop, key, "POST /api/v1/accounting/purchase-bills", request, PurchaseBill.class,
                () -> purchases.record(shop, me.subject(), request)
                        .map(b -> ResponseEntity.created(URI.create("/api/v1/accounting/purchase-bills/" + b.id())).body(b)));
    }

    @GetMapping
    @Operation(summary = "Suppliers' bills, newest first (owner, manager, auditor)", description = "Ordered by bill date, then when recorded, then id.")
    public Mono<List<PurchaseBill>> list(@AuthenticationPrincipal ShopPrincipal me,
                                         @Parameter(description = "only this supplier's bills") @RequestParam(required = false) UUID supplierId,
                                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        String shop = me.requireShop();
        if (page < 0 || size < 1 || size > 200) {
            return Mono.error(Problems.invalid(page < 0 ? "page" : "size", page < 0 ? "must be 0 or more" : "must be 1 to 200"));
        }
        return purchases.list(shop, supplierId, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One supplier's bill with its lines, what was returned of each, and its debit notes (owner, manager, auditor)")
    @ApiResponse(responseCode = "404", description = "No such bill in this shop")
    public Mono<PurchaseBill> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        String shop = me.requireShop();
        return purchases.get(shop, id);
    }

    @PostMapping("/{id}/returns")
    @Operation(summary = "Return goods of a bill to the supplier under a debit note (owner or manager); requires Idempotency-Key",
            description = "Per bill line at most what was billed less what went back before. The debit note (DN/<financial year>/<n>) "
                    + "posts Dr Suppliers 2000, Cr Inventory 1200 at the bill's cost and Cr the input GST taken on those goods. "
                    + "Publishes purchase.returned, which inventory-service follows to take the goods out of stock.")
    @ApiResponse(responseCode = "201", description = "The debit note")
    @ApiResponse(responseCode = "400", description = "No lines, a line named twice, a quantity not above zero, a date in the future or before the bill")
    @ApiResponse(responseCode = "404", description = "No such bill in this shop")
    @ApiResponse(responseCode = "422", description = "More than is left of a line, or a line the bill does not have")
    public Mono<ResponseEntity<PurchaseReturn>> returnGoods(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                            @RequestBody PurchaseReturnRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return idempotency.execute(shop, key, "POST /api/v1/accounting/purchase-bills/" + id + "/returns", request, PurchaseReturn.class,
                () -> purchases.returnGoods(shop, me.subject(), id, request)
                        .map(r -> ResponseEntity.created(URI.create("/api/v1/accounting/purchase-bills/" + id + "/returns/" + r.id())).body(r)));
    }

    @GetMapping("/{id}/returns/{returnId}")
    @Operation(summary = "One debit note of a bill (owner, manager, auditor)")
    @ApiResponse(responseCode = "404", description = "No such bill or return in this shop")
    public Mono<PurchaseReturn> getReturn(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id, @PathVariable UUID returnId) {
        String shop = me.requireShop();
        return purchases.getReturn(shop, id, returnId);
    }
}
