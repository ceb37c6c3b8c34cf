package dev.kirana.order.invoice;

import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A refund's credit note as a document; rendering lives with the other sale documents (refunds know nothing of it). */
@RestController
@Allowed(Access.SALES)
@RequestMapping("/api/v1/orders/{orderId}/refunds")
@Tag(name = "Refunds")
public class CreditNoteController {
    private final InvoiceRenderer renderer;

    public CreditNoteController(InvoiceRenderer renderer) {
        this.renderer = renderer;
    }

    @GetMapping(value = "/{refundId}/credit-note", produces = "application/pdf")
    @Operation(summary = "The credit note of a refund as PDF")
    public Mono<ResponseEntity<byte[]>> creditNote(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID orderId,
                                                   @PathVariable UUID refundId) {
        return renderer.creditNotePdf(me.requireShop(), orderId, refundId);
    }
}
