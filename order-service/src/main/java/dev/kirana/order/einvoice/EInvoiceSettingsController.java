package dev.kirana.order.einvoice;

import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.Role;
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
@Allowed(Access.SALES_BACK_OFFICE)
@RequestMapping("/api/v1/orders/settings/e-invoice")
@Tag(name = "E-invoices")
public class EInvoiceSettingsController {
    private final EInvoiceService einvoices;

    public EInvoiceSettingsController(EInvoiceService einvoices) {
        this.einvoices = einvoices;
    }

    @GetMapping
    @Operation(summary = "The shop's e-invoice settings (off until set)")
    public Mono<EInvoiceSettings> get(@AuthenticationPrincipal ShopPrincipal me) {
        return einvoices.settings(me.requireShop());
    }

    @PutMapping
    @Operation(summary = "Change the shop's e-invoice settings (owner)",
            description = "Replaced as a whole. B2B tax invoices are e-invoiced when enabled and the declared previous-year "
                    + "turnover exceeds the threshold (default 50000000.00, ₹5 crore). The seller's address, location and PIN "
                    + "code are the e-invoice's SellerDtls; legalName defaults to the shop's name.")
    public Mono<EInvoiceSettings> put(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody EInvoiceSettings settings) {
        return einvoices.saveSettings(me.require(Role.OWNER).requireShop(), settings);
    }
}
