package dev.kirana.order.order;

import dev.kirana.order.creditlimit.OwnerApproval;
import dev.kirana.order.settings.OrderProperties;
import dev.kirana.web.idempotency.IdempotencyKeys;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import dev.kirana.order.pricing.TenderType;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.SALES)
@Validated
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders")
public class OrderController {
    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*(\\d{1,4})");
    private final OrderService orders;
    private final IdempotencyKeys idempotency;
    private final OrderProperties props;

    public OrderController(OrderService orders, IdempotencyKeys idempotency, OrderProperties props) {
        this.orders = orders;
        this.idempotency = idempotency;
        this.props = props;
    }

    @PostMapping
    @Operation(summary = "Place an order (a POS sale)",
            description = "Lines by productId or barcode, with optional line and order discounts (before tax); an optional "
                    + "customer (name, phone; a GSTIN makes it a B2B sale whose place of supply is the GSTIN's state); an "
                    + "optional placeOfSupply; tenders CASH (may exceed the total: the change is returned), CARD, UPI, "
                    + "CREDIT (khata, needs a customer phone) and LOYALTY (points, needs a customer phone), split as you like "
                    + "(exact cash when absent). A CREDIT tender may take the customer's khata balance (as order-service "
                    + "knows it, plus credit sold but not yet in the books) up to their credit limit; beyond it the sale is "
                    + "refused with 422 `credit-limit-exceeded` (creditLimit, balance, amount, overBy, available in the "
                    + "problem), unless an owner or manager sends `creditOverride: true` (a cashier gets 403); no limit "
                    + "set (absent or 0) means no check. Priced from the local catalog replica with GST per line and the total "
                    + "rounded to the rupee. Responds 202 with the PENDING order, or, with `Prefer: wait=N`, holds the "
                    + "response up to N seconds and answers 201 with the order in its final state (CONFIRMED with its "
                    + "invoice number, or REJECTED). Requires Idempotency-Key.")
    @ApiResponse(responseCode = "202", description = "The PENDING order",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "201", description = "With Prefer: wait, the order in its final state",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "400", description = "A field is wrong (problem+json with per-field errors)")
    @ApiResponse(responseCode = "403", description = "Not a member who sells, or a cashier sending creditOverride")
    @ApiResponse(responseCode = "422", description = "The CREDIT tender takes the customer beyond their credit limit",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
                    {"type":"https://kirana.dev/problems/credit-limit-exceeded","title":"Credit limit exceeded","status":422,
                     "detail":"The credit limit of Asha is 5000.00: the balance is 4600.00 and this sale puts 581.00 on credit, 5181.00 in all, 181.00 over the limit. Take at least 181.00 in another tender, or an owner or manager may allow the sale (creditOverride).",
                     "partyId":"3b1f6c2e-8a4d-4f0e-9c71-2d5e8b0a6f13","customerName":"Asha","creditLimit":"5000.00",
                     "balance":"4600.00","khataBalance":"4600.00","creditNotInBooks":"0.00","amount":"581.00",
                     "balanceAfter":"5181.00","overBy":"181.00","available":"400.00"}""")))
    public Mono<ResponseEntity<OrderView>> place(@AuthenticationPrincipal ShopPrincipal me,
                                                 @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                 @Parameter(description = "RFC 7240, e.g. wait=5")
                                                 @RequestHeader(name = "Prefer", required = false) String prefer,
                                                 @Valid @RequestBody PlaceOrderRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER, Role.CASHIER).requireShop();
        Duration wait = preferredWait(prefer);
        OwnerApproval approved = approval(me, request);
        return orders.place(shop, key, me.subject(), request, approved).flatMap(placed -> {
            UUID id = placed.orderId();
            Mono<Order> current = wait.isZero() ? orders.get(shop, id) : orders.awaitFinal(shop, id, wait);
            return current.map(OrderView::of).map(o -> {
                ResponseEntity.BodyBuilder b = ResponseEntity.status(o.status().isFinal() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                        .location(location(id));
                if (!wait.isZero()) {
                    b.header("Preference-Applied", "wait=" + wait.toSeconds());
                }
                if (placed.replayed()) {
                    b.header(IdempotencyKeys.REPLAYED, "true");
                }
                return b.body(o);
            });
        });
    }

    @PostMapping("/quote")
    @Operation(summary = "Price a sale without placing it",
            description = "The same body as placing an order; answers with the figures placing it now would give, so "
                    + "the counter can show the payable total before it takes tenders: each line's gross, discount, "
                    + "taxable value and CGST/SGST or IGST at the GST rate of today's date of supply, the sale's totals and "
                    + "its round-off to the rupee. Tenders, when given, are settled as placing settles them (the change "
                    + "of a cash tender); without them `tenders` is empty and `received` and `change` are null. Refused "
                    + "exactly as placing is refused: 400 naming the field for an unknown product or barcode, an archived "
                    + "product, a bad GSTIN or place of supply, tenders short of the total or more loyalty points than the "
                    + "customer has; 422 `credit-limit-exceeded` when a CREDIT tender goes beyond the customer's credit "
                    + "limit (unless an owner or manager sends `creditOverride: true`; a cashier gets 403). The credit "
                    + "check reads the balance as it is now; placing checks it again. Nothing is written: no order, no "
                    + "event, no loyalty points held, no invoice number; no Idempotency-Key is needed.")
    @ApiResponse(responseCode = "200", description = "The priced sale",
            content = @Content(schema = @Schema(implementation = SaleQuote.class), examples = @ExampleObject(value = """
                    {"documentType":"TAX_INVOICE","supplyType":"INTRA_STATE","placeOfSupply":"29","currency":"INR",
                     "customer":{"name":"Asha","phone":"9876543210","gstin":null},
                     "lines":[{"lineNo":1,"productId":"6f1c2b7e-1d2a-4b9e-9a51-3f0e2c1d4b5a","sku":"TEA-250","barcode":"8901725133979",
                               "name":"Tea 250 g","hsn":"0902","unit":"PCS","quantity":"3.000","unitPrice":"48.00","taxInclusive":true,
                               "gstRate":"5.00","gross":"144.00","discount":"14.40","taxableValue":"123.42","cgst":"3.09",
                               "sgst":"3.09","igst":"0.00","lineTotal":"129.60","refundedQuantity":"0.000"},
                              {"lineNo":2,"productId":"0b7d9a44-5c3e-4f21-8d6a-7e2f1c9b3a58","sku":"BISCUIT","barcode":null,
                               "name":"Biscuit 100 g","hsn":"1905","unit":"PCS","quantity":"2.000","unitPrice":"25.40","taxInclusive":false,
                               "gstRate":"18.00","gross":"50.80","discount":"0.00","taxableValue":"50.80","cgst":"4.57",
                               "sgst":"4.57","igst":"0.00","lineTotal":"59.94","refundedQuantity":"0.000"}],
                     "gross":"194.80","discount":"14.40","taxableValue":"174.22","cgst":"7.66","sgst":"7.66","igst":"0.00",
                     "roundOff":"0.46","total":"190.00",
                     "tenders":[{"type":"UPI","tendered":"100.00","amount":"100.00","change":"0.00","reference":"UTR4589","points":null},
                                {"type":"CASH","tendered":"100.00","amount":"90.00","change":"10.00","reference":null,"points":null}],
                     "received":"200.00","change":"10.00","loyaltyPointsRedeemed":0}""")))
    @ApiResponse(responseCode = "400", description = "A field is wrong (problem+json with per-field errors), as placing gives it")
    @ApiResponse(responseCode = "403", description = "Not a member who sells, or a cashier sending creditOverride")
    @ApiResponse(responseCode = "422", description = "The CREDIT tender takes the customer beyond their credit limit "
            + "(the same problem as placing gives)")
    public Mono<SaleQuote> quote(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody PlaceOrderRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER, Role.CASHIER).requireShop();
        return orders.quote(shop, me.subject(), request, approval(me, request));
    }

    /** An owner's or manager's creditOverride, or null; a cashier sending one is refused. */
    private static OwnerApproval approval(ShopPrincipal me, PlaceOrderRequest request) {
        if (!Boolean.TRUE.equals(request.creditOverride())) {
            return null;
        }
        if (!me.hasAnyRole(Role.OWNER, Role.MANAGER)) {
            throw Problems.forbidden("Only an owner or manager may allow a credit sale beyond the customer's credit limit "
                    + "(creditOverride); ask them to place the sale, or take another tender");
        }
        return new OwnerApproval(me.subject(), me.hasAnyRole(Role.OWNER) ? Role.OWNER.name() : Role.MANAGER.name());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One order of the caller's shop")
    public Mono<OrderView> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        return orders.get(me.requireShop(), id).map(OrderView::of);
    }

    @GetMapping
    @Operation(summary = "Orders of the shop, newest first, filtered",
            description = "Every filter is optional: status; placed from/to (dates in the shop's zone, both inclusive); "
                    + "a cashier gets only their own sales (another cashier's id is a 403); "
                    + "the cashier's user id; a customer's phone, GSTIN or the start of their name; a tender type used; "
                    + "an invoice number. Paged with page/size in a stable order (placed time, then id).")
    public Mono<List<OrderView>> list(@AuthenticationPrincipal ShopPrincipal me,
                                      @RequestParam(required = false) OrderStatus status,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @RequestParam(required = false) @Size(max = 64) String cashierId,
                                      @RequestParam(required = false) @Size(min = 2, max = 100) String customer,
                                      @RequestParam(required = false) TenderType tender,
                                      @RequestParam(required = false) @Size(max = 16) String invoiceNumber,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        String shop = me.requireShop();
        if (from != null && to != null && to.isBefore(from)) {
            throw Problems.invalid("to", "must not be before from");
        }
        // a cashier lists their own sales (one found by its id, e.g. for a return, they may still open)
        String cashier = blank(cashierId);
        if (me.hasAnyRole(Role.CASHIER) && !me.hasAnyRole(Role.OWNER, Role.MANAGER, Role.AUDITOR)) {
            if (cashier != null && !cashier.equals(me.subject())) {
                throw Problems.forbidden("A cashier lists only their own sales");
            }
            cashier = me.subject();
        }
        OrderFilter filter = new OrderFilter(status, from == null ? null : from.atStartOfDay(props.shopZone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(props.shopZone()).toInstant(), cashier,
                blank(customer), tender, blank(invoiceNumber));
        return orders.list(shop, filter, page, size).map(OrderView::of).collectList();
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a PENDING order",
            description = "The order becomes CANCELLED and inventory releases whatever it reserved. A confirmed sale is voided instead (409 here).")
    public Mono<OrderView> cancel(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                  @RequestBody(required = false) @Valid ReasonRequest body) {
        String shop = me.require(Role.OWNER, Role.MANAGER, Role.CASHIER).requireShop();
        return orders.cancel(shop, id, me.subject(), body == null ? null : body.reason()).map(OrderView::of);
    }

    @PostMapping("/{id}/void")
    @Operation(summary = "Void a confirmed sale (manager or owner)",
            description = "The sale becomes VOIDED; order.voided makes inventory restock every line and accounting reverse "
                    + "the sale. Only a CONFIRMED sale with no refunds can be voided. Requires Idempotency-Key and a reason.")
    public Mono<ResponseEntity<OrderView>> voidSale(@AuthenticationPrincipal ShopPrincipal me,
                                                    @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                    @PathVariable UUID id, @Valid @RequestBody VoidRequest body) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return idempotency.execute(shop, key, "POST /api/v1/orders/" + id + "/void", body, OrderView.class,
                () -> orders.voidSale(shop, id, me.subject(), body.reason().trim()).map(OrderView::of).map(ResponseEntity::ok));
    }

    /** An optional reason. */
    public record ReasonRequest(@Size(max = 200) String reason) {
    }

    public record VoidRequest(@jakarta.validation.constraints.NotBlank @Size(max = 200) String reason) {
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Duration preferredWait(String prefer) {
        if (prefer == null) {
            return Duration.ZERO;
        }
        Matcher m = WAIT.matcher(prefer);
        if (!m.find()) {
            return Duration.ZERO;
        }
        long seconds = Long.parseLong(m.group(1));
        if (seconds > 60) {
            throw Problems.invalid("Prefer", "wait is at most 60 seconds");
        }
        return Duration.ofSeconds(seconds);
    }

    private static URI location(UUID id) {
        return URI.create("/api/v1/orders/" + id);
    }
}
