package dev.kirana.order.shop;

import dev.kirana.order.pricing.TenderType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The payment methods a shop takes at its counter: each of cash, card, UPI, khata credit and loyalty points, on or off. */
@Schema(example = """
        {"methods":[{"method":"CASH","enabled":true},{"method":"CARD","enabled":false},{"method":"UPI","enabled":true},
         {"method":"CREDIT","enabled":true},{"method":"LOYALTY","enabled":false}]}""")
public record PaymentMethods(@NotEmpty @Size(max = 10) List<@NotNull @Valid Method> methods) {

    public record Method(@NotNull TenderType method, @NotNull Boolean enabled) {
    }

    static PaymentMethods of(Set<TenderType> accepted) {
        return new PaymentMethods(Arrays.stream(TenderType.values()).map(t -> new Method(t, accepted.contains(t))).toList());
    }
}
