package dev.kirana.order.upi;

import dev.kirana.order.qr.QrCode;
import dev.kirana.order.order.OrderService;
import dev.kirana.order.shop.ShopDirectory;
import dev.kirana.web.PlainDecimal;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@Allowed(Access.COUNTER)
@RequestMapping("/api/v1/orders/upi-qr")
@Tag(name = "UPI QR")
public class UpiQrController {
    public static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    private final ShopDirectory shops;
    private final OrderService orders;

    public UpiQrController(ShopDirectory shops, OrderService orders) {
        this.shops = shops;
        this.orders = orders;
    }

    @GetMapping
    @Operation(summary = "A UPI payment QR code for the counter to show while the customer pays",
            description = "The QR code of the NPCI UPI link upi://pay?pa=<the shop's upiVpa>&pn=<upiPayeeName, else the "
                    + "shop's name>&am=<amount>&cu=INR[&tn=Invoice <number>&tr=<number>], as PNG (default) or SVG "
                    + "(format=svg, or Accept: image/svg+xml without image/png). With orderId the note and the reference "
                    + "name that sale's invoice (its order id while it has no invoice number). 409 when the shop has no "
                    + "UPI address in its POS settings; 400 for an amount that is not a plain decimal above 0 with at "
                    + "most 2 decimals; 404 for an order not in the shop.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The QR code",
                            content = {@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                                    @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string"))}),
                    @ApiResponse(responseCode = "400", description = "A bad amount, orderId or format",
                            content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "404", description = "No such order in the shop",
                            content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "409", description = "The shop has no UPI address (upiVpa) in its POS settings",
                            content = @Content(mediaType = "application/problem+json"))})
    public Mono<ResponseEntity<byte[]>> qr(
            @AuthenticationPrincipal ShopPrincipal me,
            @Parameter(description = "rupees to pay: a plain decimal above 0, at most 2 decimals", required = true,
                    example = "96.00") @RequestParam(required = false) String amount,
            @Parameter(description = "the sale the payment is for: its invoice number goes in the note and reference")
            @RequestParam(required = false) UUID orderId,
            @Parameter(description = "png (default) or svg", schema = @Schema(allowableValues = {"png", "svg"}))
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String shopId = me.requireShop();
        BigDecimal rupees = amount(amount);
        boolean svg = svg(format, accept);
        return shops.profile(shopId)
                .flatMap(shop -> shop.upiVpa() == null
                        ? Mono.<UpiLink>error(noVpa())
                        : orderId == null ? Mono.just(UpiLink.of(shop, rupees))
                        : orders.get(shopId, orderId).map(o -> UpiLink.forSale(shop, o, rupees)))
                .publishOn(Schedulers.boundedElastic())
                .map(link -> ResponseEntity.ok()
                        .contentType(svg ? SVG : MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.noStore())
                        .body(svg ? QrCode.svg(link.uri()).getBytes(StandardCharsets.UTF_8) : QrCode.png(link.uri())));
    }

    static RuntimeException noVpa() {
        return Problems.of(HttpStatus.CONFLICT, "no-upi-vpa", "No UPI address",
                "The shop has no UPI address: an owner or manager sets upiVpa in the POS settings (/api/v1/orders/settings)");
    }

    static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            throw Problems.invalid("amount", "required: the rupees to pay, e.g. 96.00");
        }
        BigDecimal v;
        try {
            v = PlainDecimal.parse(text);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("amount", e.getMessage());
        }
        if (v.signum() <= 0) {
            throw Problems.invalid("amount", "must be greater than 0");
        }
        if (v.stripTrailingZeros().scale() > 2) {
            throw Problems.invalid("amount", "is in rupees and paise (at most 2 decimals)");
        }
        return v.setScale(2);
    }

    static boolean svg(String format, String accept) {
        if (format != null) {
            return switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "svg" -> true;
                case "png" -> false;
                default -> throw Problems.invalid("format", "png or svg");
            };
        }
        return accept != null && accept.contains("image/svg+xml") && !accept.contains("image/png");
    }
}
