package dev.kirana.inventory.adjustment;

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
@RequestMapping("/api/v1/inventory/adjustments")
@Tag(name = "Adjustments")
public class AdjustmentController {
    private final AdjustmentService adjustments;
    private final IdempotencyKeys idempotency;

    public AdjustmentController(AdjustmentService adjustments, IdempotencyKeys idempotency) {
        this.adjustments = adjustments;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Adjust stock for damage, loss or a correction (owner or manager); requires Idempotency-Key",
            description = "quantity is signed: -2 takes two away. Stock that is reserved for orders cannot be taken. Publishes stock.adjusted.")
    public Mono<ResponseEntity<StockMovement>> adjust(@AuthenticationPrincipal ShopPrincipal me,
                                                      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                      @Valid @RequestBody AdjustmentRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return idempotency.execute(shop, key, "POST /api/v1/inventory/adjustments", request, StockMovement.class,
                () -> adjustments.adjust(shop, me.subject(), request, "adjustment:" + key)
                        .map(m -> ResponseEntity.status(HttpStatus.CREATED).body(m)));
    }
}
