package dev.kirana.order.shop;

import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.SALES)
@RequestMapping("/api/v1/orders/settings")
@Tag(name = "POS settings")
public class PosSettingsController {
    private final ShopDirectory shops;

    public PosSettingsController(ShopDirectory shops) {
        this.shops = shops;
    }

    @GetMapping
    @Operation(summary = "The shop's POS settings (invoice and credit-note series, loyalty scheme, receipt footer, UPI payee) and its GST registration")
    public Mono<PosSettingsView> get(@AuthenticationPrincipal ShopPrincipal me) {
        return shops.profile(me.requireShop()).map(PosSettingsView::of);
    }

    @PutMapping
    @Operation(summary = "Change the POS settings (owner or manager)",
            description = "A new invoice prefix starts a new series (numbers are consecutive per series and financial year). "
                    + "The settings are replaced as a whole: a field left out is cleared (no upiVpa: no UPI QR codes).")
    public Mono<PosSettingsView> put(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody ShopSettings settings) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        if (settings.invoicePrefix().equals(settings.creditNotePrefix())) {
            throw Problems.invalid("creditNotePrefix", "credit notes need a series of their own, not the invoices' " + settings.invoicePrefix());
        }
        return shops.saveSettings(shop, settings).map(PosSettingsView::of);
    }
}
