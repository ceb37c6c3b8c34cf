package dev.kirana.inventory.transfer;

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
@RequestMapping("/api/v1/inventory/transfers")
@Tag(name = "Transfers")
public class TransferController {
    private final TransferService transfers;
    private final IdempotencyKeys idempotency;

    public TransferController(TransferService transfers, IdempotencyKeys idempotency) {
        this.transfers = transfers;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Transfer stock between two locations of the shop (owner or manager); requires Idempotency-Key",
            description = "A transfer to the same location is a 400; more than is available (unreserved, unexpired) a 422. "
                    + "Publishes stock.adjusted for each leg (TRANSFER_OUT, TRANSFER_IN).")
    public Mono<ResponseEntity<Transfer>> transfer(@AuthenticationPrincipal ShopPrincipal me,
                                                   @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                   @Valid @RequestBody TransferRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return idempotency.execute(shop, key, "POST /api/v1/inventory/transfers", request, Transfer.class,
                () -> transfers.transfer(shop, me.subject(), request, "transfer:" + key)
                        .map(t -> ResponseEntity.status(HttpStatus.CREATED).body(t)));
    }
}
