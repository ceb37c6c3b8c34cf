package dev.kirana.order.einvoice;

import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.SALES_BACK_OFFICE)
@Validated
@RequestMapping("/api/v1/orders/{orderId}/e-invoice")
@Tag(name = "E-invoices")
public class EInvoiceController {
    private final EInvoiceService einvoices;

    public EInvoiceController(EInvoiceService einvoices) {
        this.einvoices = einvoices;
    }

    /** The body of a registration: the buyer's address, which a sale does not hold. */
    public record RegisterRequest(@Valid BuyerAddress buyer) {
    }

    @GetMapping("/request")
    @Operation(summary = "The sale's IRN request JSON (e-invoice schema INV-01 v1.1)",
            description = "The B2B tax invoice in the government e-invoice schema, amounts as JSON numbers: once registered, "
                    + "the request that was sent; before, the request as it would be sent with the buyer address given in the "
                    + "query. 422 `e-invoice-not-applicable` for a sale that is not e-invoiced (no customer GSTIN, a bill of "
                    + "supply, e-invoicing off or the shop's turnover not above its threshold), 422 `e-invoice-incomplete` "
                    + "naming each missing mandatory value in `errors` (seller PIN code, buyer address, an HSN code …), 409 "
                    + "for an order that is not a sale or was voided.")
    @ApiResponse(responseCode = "200", description = "The IRN request", content = @Content(schema = @Schema(implementation = IrnRequest.class)))
    @ApiResponse(responseCode = "422", description = "Not e-invoiced, or mandatory values missing (problem+json)")
    public Mono<IrnRequest> request(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID orderId,
                                    @Parameter(description = "the buyer's legal name (else the sale's customer name)")
                                    @RequestParam(required = false) @Size(min = 3, max = 100) @Pattern(regexp = EInvoiceSettings.NO_QUOTES) String buyerLegalName,
                                    @RequestParam(required = false) @Size(min = 1, max = 100) @Pattern(regexp = EInvoiceSettings.NO_QUOTES) String buyerAddress1,
                                    @RequestParam(required = false) @Size(min = 3, max = 100) @Pattern(regexp = EInvoiceSettings.NO_QUOTES) String buyerAddress2,
                                    @RequestParam(required = false) @Size(min = 3, max = 100) @Pattern(regexp = EInvoiceSettings.NO_QUOTES) String buyerLocation,
                                    @RequestParam(required = false) @Pattern(regexp = EInvoiceSettings.PIN_CODE) String buyerPinCode) {
        return einvoices.request(me.requireShop(), orderId,
                new BuyerAddress(buyerLegalName, buyerAddress1, buyerAddress2, buyerLocation, buyerPinCode));
    }

    @PostMapping
    @Operation(summary = "Register the sale's invoice on the invoice registration portal (owner or manager)",
            description = "Builds the IRN request (as GET …/e-invoice/request, with the buyer's address from the body), "
                    + "registers it and stores the IRN, acknowledgement number and date and the signed QR code, which the "
                    + "invoice PDF then prints. 201 when registered now; a sale registered before answers 200 with its "
                    + "registration (nothing is sent again). Problems as for the request. The portal is the sandbox here "
                    + "(kirana.einvoice.portal=sandbox).")
    @ApiResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = EInvoiceRegistration.class)))
    @ApiResponse(responseCode = "200", description = "Registered before", content = @Content(schema = @Schema(implementation = EInvoiceRegistration.class)))
    @ApiResponse(responseCode = "422", description = "Not e-invoiced, or mandatory values missing (problem+json)")
    public Mono<ResponseEntity<EInvoiceRegistration>> register(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID orderId,
                                                               @Valid @RequestBody(required = false) RegisterRequest body) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return einvoices.register(shop, orderId, body == null ? null : body.buyer(), me.subject())
                .map(r -> r.created()
                        ? ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/orders/" + orderId + "/e-invoice"))
                        .body(r.registration())
                        : ResponseEntity.ok(r.registration()));
    }

    @GetMapping
    @Operation(summary = "The sale's registered e-invoice: IRN, acknowledgement, signed invoice and QR code",
            description = "404 when the sale is not registered.")
    public Mono<EInvoiceRegistration> registration(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID orderId) {
        return einvoices.registration(me.requireShop(), orderId);
    }
}
