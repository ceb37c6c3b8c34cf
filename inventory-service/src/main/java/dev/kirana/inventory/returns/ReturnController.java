package dev.kirana.inventory.returns;

import dev.kirana.inventory.stock.StockMovement;
import dev.kirana.web.idempotency.IdempotencyKeys;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/inventory/returns")
@Tag(name = "Customer returns")
public class ReturnController {
    private final ReturnService returns;
    private final IdempotencyKeys idempotency;

    public ReturnController(ReturnService returns, IdempotencyKeys idempotency) {
        this.returns = returns;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Take goods a customer returned back into stock (owner or manager); requires Idempotency-Key",
            description = "With orderId: at the order's sale cost, and no more than it sold. A serial unit comes back only if it was sold, "
                    + "and only once. Publishes stock.adjusted (CUSTOMER_RETURN).")
    public Mono<ResponseEntity<StockMovement>> accept(@AuthenticationPrincipal ShopPrincipal me,
                                                      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                      @Valid @RequestBody ReturnRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return idempotency.execute(shop, key, "POST /api/v1/inventory/returns", request, StockMovement.class,
                () -> returns.accept(shop, me.subject(), request, key).map(m -> ResponseEntity.status(HttpStatus.CREATED).body(m)));
    }
}
