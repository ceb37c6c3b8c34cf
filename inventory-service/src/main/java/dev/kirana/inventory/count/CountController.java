package dev.kirana.inventory.count;

import dev.kirana.web.idempotency.IdempotencyKeys;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
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
@Allowed(Access.STOCK_BOOKS)
@RequestMapping("/api/v1/inventory/counts")
@Tag(name = "Physical counts")
public class CountController {
    private final CountService counts;
    private final IdempotencyKeys idempotency;

    public CountController(CountService counts, IdempotencyKeys idempotency) {
        this.counts = counts;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Post a physical count at a location (owner or manager); requires Idempotency-Key",
            description = "Each product's difference from the books becomes a COUNT_ADJUSTMENT movement and a stock.adjusted event. "
                    + "Archived or unknown products, and counts below what is reserved, refuse the whole count.")
    public Mono<ResponseEntity<StockCount>> post(@AuthenticationPrincipal ShopPrincipal me,
                                                 @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                 @Valid @RequestBody CountRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return idempotency.execute(shop, key, "POST /api/v1/inventory/counts", request, StockCount.class,
                () -> counts.post(shop, me.subject(), request)
                        .map(c -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/inventory/counts/" + c.id())).body(c)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A posted count")
    public Mono<StockCount> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        return counts.find(me.requireShop(), id);
    }
}
