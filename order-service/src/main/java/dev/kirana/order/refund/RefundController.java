package dev.kirana.order.refund;

import dev.kirana.web.idempotency.IdempotencyKeys;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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
@Allowed(Access.SALES)
@RequestMapping("/api/v1/orders/{orderId}/refunds")
@Tag(name = "Refunds")
public class RefundController {
    private final RefundService refunds;
    private final IdempotencyKeys idempotency;

    public RefundController(RefundService refunds, IdempotencyKeys idempotency) {
        this.refunds = refunds;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Refund some or all goods of a confirmed sale",
            description = "Returns lines by number and quantity at the invoice's prices and rates, under a credit note with "
                    + "its own gapless series. RESTOCK puts the goods back in stock, WRITE_OFF records them as damaged. The "
                    + "money goes back through the chosen tender: CASH, or CARD/UPI/CREDIT up to what was paid that way. "
                    + "Emits order.refunded. Requires Idempotency-Key.")
    public Mono<ResponseEntity<RefundView>> refund(@AuthenticationPrincipal ShopPrincipal me,
                                                   @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                   @PathVariable UUID orderId, @Valid @RequestBody RefundRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER, Role.CASHIER).requireShop();
        return idempotency.execute(shop, key, "POST /api/v1/orders/" + orderId + "/refunds", request, RefundView.class,
                () -> refunds.refund(shop, orderId, me.subject(), request)
                        .map(r -> ResponseEntity.status(HttpStatus.CREATED)
                                .location(URI.create("/api/v1/orders/" + orderId + "/refunds/" + r.id())).body(r)));
    }

    @GetMapping
    @Operation(summary = "The refunds of a sale, oldest first")
    public Mono<List<RefundView>> list(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID orderId) {
        return refunds.refunds(me.requireShop(), orderId);
    }

    @GetMapping("/{refundId}")
    @Operation(summary = "One refund")
    public Mono<RefundView> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID orderId, @PathVariable UUID refundId) {
        return refunds.refund(me.requireShop(), orderId, refundId);
    }
}
