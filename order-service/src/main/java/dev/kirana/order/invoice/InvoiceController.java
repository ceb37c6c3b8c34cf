package dev.kirana.order.invoice;

import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.SALES)
@RequestMapping("/api/v1/orders/{orderId}")
@Tag(name = "Invoices")
public class InvoiceController {
    private final InvoiceRenderer renderer;

    public InvoiceController(InvoiceRenderer renderer) {
        this.renderer = renderer;
    }

    @GetMapping(value = "/invoice", produces = "application/pdf")
    @Operation(summary = "The sale's GST tax invoice (or bill of supply for a composition shop) as PDF",
            description = "Shop and customer GSTIN, HSN per line, rate-wise CGST/SGST (UTGST) or IGST, round-off and the "
                    + "amount in words. 409 while the order is not a confirmed sale.")
    public Mono<ResponseEntity<byte[]>> invoice(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID orderId) {
        return renderer.invoicePdf(me.requireShop(), orderId);
    }

    @GetMapping(value = "/receipt", produces = "text/plain")
    @Operation(summary = "A plain-text receipt for a 58 mm (32 columns) or 80 mm (48 columns) thermal printer")
    public Mono<ResponseEntity<String>> receipt(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID orderId,
                                                @Parameter(description = "paper width in mm: 58 or 80")
                                                @RequestParam(defaultValue = "80") int width) {
        ThermalReceipt.Paper paper;
        try {
            paper = ThermalReceipt.Paper.of(width);
        } catch (IllegalArgumentException e) {
            return Mono.error(Problems.invalid("width", e.getMessage()));
        }
        return renderer.receipt(me.requireShop(), orderId, paper);
    }
}
