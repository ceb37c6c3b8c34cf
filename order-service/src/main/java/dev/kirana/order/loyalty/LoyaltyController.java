package dev.kirana.order.loyalty;

import dev.kirana.order.shop.ShopDirectory;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.SALES)
@RequestMapping("/api/v1/orders/loyalty")
@Tag(name = "Loyalty")
public class LoyaltyController {
    private final LoyaltyPoints points;
    private final ShopDirectory shops;

    public LoyaltyController(LoyaltyPoints points, ShopDirectory shops) {
        this.points = points;
        this.shops = shops;
    }

    @GetMapping("/{phone}")
    @Operation(summary = "A customer's loyalty points: balance, what they are worth as a tender, latest movements")
    public Mono<LoyaltyPoints.Balance> balance(@AuthenticationPrincipal ShopPrincipal me, @PathVariable String phone) {
        String shop = me.requireShop();
        if (!phone.matches("\\+?[0-9]{6,15}")) {
            return Mono.error(Problems.invalid("phone", "6 to 15 digits, optionally after a +"));
        }
        return Mono.zip(points.balance(shop, phone), shops.profile(shop), points.history(shop, phone, 50))
                .map(t -> new LoyaltyPoints.Balance(phone, t.getT1(),
                        t.getT2().loyaltyPointValue().multiply(BigDecimal.valueOf(t.getT1())).setScale(2), t.getT3()));
    }
}
