package dev.kirana.inventory.purchase;

import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.STOCK_BOOKS)
@RequestMapping("/api/v1/inventory/purchase-flags")
@Tag(name = "Purchases", description = "Stock received from suppliers' bills and returned under their debit notes")
public class PurchaseFlagController {
    private final PurchaseFlags flags;

    public PurchaseFlagController(PurchaseFlags flags) {
        this.flags = flags;
    }

    @GetMapping
    @Operation(summary = "What stock could not follow exactly as a supplier's bill or debit note said oldest first",
            description = "A serial-tracked line (not received: receive it with its serial numbers), an unknown location (received at "
                    + "the default one), goods on a debit note that were no longer free in stock (only what was there left).")
    public Mono<List<PurchaseFlags.Flag>> list(@AuthenticationPrincipal ShopPrincipal me,
                                               @Parameter(description = "only this bill's") @RequestParam(required = false) String billId) {
        String shop = me.requireShop();
        return flags.list(shop, billId);
    }
}
