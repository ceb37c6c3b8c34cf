package dev.kirana.inventory.settings;

import dev.kirana.inventory.valuation.ValuationMethod;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.STOCK_BOOKS)
@RequestMapping("/api/v1/inventory/settings")
@Tag(name = "Settings")
public class SettingsController {
    private final InventorySettings settings;

    public SettingsController(InventorySettings settings) {
        this.settings = settings;
    }

    @Schema(example = "{\"valuationMethod\":\"FIFO\"}")
    public record SettingsRequest(@NotNull ValuationMethod valuationMethod) {
    }

    @GetMapping
    @Operation(summary = "The shop's inventory settings (valuation method: MOVING_AVERAGE unless FIFO was chosen)")
    public Mono<InventorySettings.Settings> get(@AuthenticationPrincipal ShopPrincipal me) {
        return settings.settings(me.requireShop());
    }

    @PutMapping
    @Operation(summary = "Choose moving-average or FIFO valuation (owner)",
            description = "Switching keeps the stock's value: to FIFO, every open lot takes its location's current average cost; "
                    + "to moving average, the average is already the lots' value over their quantity.")
    public Mono<InventorySettings.Settings> put(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody SettingsRequest request) {
        String shop = me.require(Role.OWNER).requireShop();
        return settings.change(shop, me.subject(), request.valuationMethod());
    }
}
