package dev.kirana.order.order;

import dev.kirana.web.idempotency.IdempotencyKeys;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
@Validated
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders")
public class OrderController {
    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*(\\d{1,4})");
    private final OrderService orders;
    private final IdempotencyKeys idempotency;

    public OrderController(OrderService orders, IdempotencyKeys idempotency) {
        this.orders = orders;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Place an order (a POS sale)",
            description = "Responds 202 with the PENDING order, or, with `Prefer: wait=N`, holds the response up to N seconds "
                    + "and answers 201 with the order in its final state (CONFIRMED or REJECTED). Requires Idempotency-Key.")
    public Mono<ResponseEntity<OrderView>> place(@AuthenticationPrincipal ShopPrincipal me,
                                                 @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                 @Parameter(description = "RFC 7240, e.g. wait=5")
                                                 @RequestHeader(name = "Prefer", required = false) String prefer,
                                                 @Valid @RequestBody PlaceOrderRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER, Role.CASHIER).requireShop();
        Duration wait = preferredWait(prefer);
        return idempotency.execute(shop, key, "POST /api/v1/orders", request, OrderView.class,
                        () -> orders.place(shop, me.subject(), request)
                                .map(o -> ResponseEntity.accepted().location(location(o.id())).body(o)))
                .flatMap(first -> {
                    UUID id = first.getBody().id();
                    Mono<OrderView> current = wait.isZero() ? orders.get(shop, id) : orders.awaitFinal(shop, id, wait);
                    return current.map(o -> {
                        ResponseEntity.BodyBuilder b = ResponseEntity.status(o.status().isFinal() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                                .location(location(id));
                        if (!wait.isZero()) {
                            b.header("Preference-Applied", "wait=" + wait.toSeconds());
                        }
                        first.getHeaders().forEach((name, values) -> {
                            if (name.equalsIgnoreCase(IdempotencyKeys.REPLAYED)) {
                                b.header(name, values.toArray(String[]::new));
                            }
                        });
                        return b.body(o);
                    });
                });
    }

    @GetMapping("/{id}")
    @Operation(summary = "One order of the caller's shop")
    public Mono<OrderView> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        return orders.get(me.requireShop(), id);
    }

    @GetMapping
    @Operation(summary = "Orders of the shop, newest first")
    public Mono<List<OrderView>> list(@AuthenticationPrincipal ShopPrincipal me,
                                      @RequestParam(required = false) OrderStatus status,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return orders.list(me.requireShop(), status, page, size).collectList();
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
