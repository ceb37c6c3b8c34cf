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

    @GetMapping("/payment-methods")
    @Operation(summary = "The payment methods the shop takes at its counter",
            description = "Statistics by method for a period are the sales report by tender: GET /api/v1/reports/sales/by/tender?from=&to=.")
    public Mono<PaymentMethods> paymentMethods(@AuthenticationPrincipal ShopPrincipal me) {
        return shops.profile(me.requireShop()).map(p -> PaymentMethods.of(p.acceptedTenders()));
    }

    @PutMapping("/payment-methods")
    @Operation(summary = "Turn payment methods on or off (owner or manager)",
            description = "A sale or quote with a tender of a method that is off is a 400 naming the tender and the methods the shop "
                    + "takes; with cash off, a sale must name its tenders. Methods left out keep their state; at least one stays on.")
    public Mono<PaymentMethods> putPaymentMethods(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody PaymentMethods request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return shops.profile(shop).flatMap(p -> {
            java.util.EnumSet<dev.kirana.order.pricing.TenderType> accepted = java.util.EnumSet.noneOf(dev.kirana.order.pricing.TenderType.class);
            accepted.addAll(p.acceptedTenders());
            java.util.Set<dev.kirana.order.pricing.TenderType> seen = new java.util.HashSet<>();
            for (PaymentMethods.Method m : request.methods()) {
                if (!seen.add(m.method())) {
                    return Mono.error(Problems.invalid("methods", m.method() + " is given twice"));
                }
                if (m.enabled()) accepted.add(m.method()); else accepted.remove(m.method());
            }
            if (accepted.isEmpty()) {
                return Mono.error(Problems.invalid("methods", "a shop takes at least one payment method"));
            }
            return shops.savePaymentMethods(shop, accepted);
        }).map(p -> PaymentMethods.of(p.acceptedTenders()));
    }
}
