package dev.kirana.inventory.stock;

import dev.kirana.web.idempotency.IdempotencyKeys;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.STOCK_BOOKS)
@RequestMapping("/api/v1/inventory")
@Tag(name = "Stock")
public class StockController {
    private final StockService stock;
    private final IdempotencyKeys idempotency;

    public StockController(StockService stock, IdempotencyKeys idempotency) {
        this.stock = stock;
        this.idempotency = idempotency;
    }

    @PostMapping("/receipts")
    @Operation(summary = "Receive goods into stock (owner or manager); requires Idempotency-Key",
            description = "Perishable products need expiryDate (and usually batchNo); serial-tracked products one serial per unit. "
                    + "Publishes stock.received.")
    public Mono<ResponseEntity<StockLevel>> receive(@AuthenticationPrincipal ShopPrincipal me,
                                                    @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                    @Valid @RequestBody ReceiptRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return idempotency.execute(shop, key, "POST /api/v1/inventory/receipts", request, StockLevel.class,
                () -> stock.receive(shop, me.subject(), request, "receipt:" + key)
                        .map(level -> ResponseEntity.status(HttpStatus.CREATED).body(level)));
    }

    @GetMapping("/stock")
    @Allowed(Access.STOCK_LOOKUP)
    @Operation(summary = "Stock levels of the shop, optionally for one product and/or one location",
            description = "A cashier gets no averageCost (null): the counter looks up stock, not what it cost.")
    public Mono<List<StockLevel>> levels(@AuthenticationPrincipal ShopPrincipal me, @RequestParam(required = false) String productId,
                                         @RequestParam(required = false) UUID locationId) {
        boolean costs = me.hasAnyRole(Role.OWNER, Role.MANAGER, Role.AUDITOR) || !me.hasAnyRole(Role.CASHIER);
        return stock.levels(me.requireShop(), productId, locationId).map(l -> costs ? l : l.withoutCost()).collectList();
    }

    @GetMapping("/ledger")
    @Operation(summary = "Stock history of one product, newest first: every movement with its cost, resulting quantity and value, batches and serials",
            description = "Page back with beforeId = the id of the last entry you got.")
    public Mono<List<LedgerEntry>> history(@AuthenticationPrincipal ShopPrincipal me, @RequestParam String productId,
                                           @RequestParam(required = false) UUID locationId,
                                           @Parameter(description = "first day (inclusive), shop's calendar")
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @Parameter(description = "last day (inclusive)")
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                           @RequestParam(required = false) Long beforeId,
                                           @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return stock.history(me.requireShop(), productId, locationId, from, to, beforeId, limit).collectList();
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "Proof that stock levels agree with the ledger, the lots and the serial units for every product and location")
    public Mono<StockService.Reconciliation> reconcile(@AuthenticationPrincipal ShopPrincipal me) {
        return stock.reconcile(me.requireShop());
    }
}
