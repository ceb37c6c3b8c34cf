package dev.kirana.catalog.tax;

import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The shipped GST rate schedule, by HSN code and date (under /products so that the gateway routes it to the catalog). */
@RestController
@Allowed(Access.CATALOG)
@RequestMapping("/api/v1/products/tax-rates")
@Tag(name = "Tax rates")
public class TaxRateController {
    private final TaxRates rates;

    public TaxRateController(TaxRates rates) {
        this.rates = rates;
    }

    public record ScheduleAnswer(String hsn, LocalDate date, ScheduledRate rate, List<ScheduledRate> timeline) {
    }

    /** The GST rates in force on a date, as plain decimal strings ("0", "0.25", "5", "18", "40"). */
    public record InForce(LocalDate date, List<String> rates) {
    }

    @GetMapping("/in-force")
    @Operation(summary = "The GST rates in force on a date (default today): the only rates a product, a purchase bill line or an expense may carry from that day",
            description = "Since 22-09-2025: 0, 5, 18 and 40, with 0.1, 0.25, 1.5 and 3 (and 28 for tobacco until 31-01-2026); 12 and 28 before.")
    public Mono<InForce> inForce(@AuthenticationPrincipal ShopPrincipal me,
                                 @io.swagger.v3.oas.annotations.Parameter(example = "2026-12-01")
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        me.requireShop();
        LocalDate on = date == null ? rates.today() : date;
        return Mono.just(new InForce(on, dev.kirana.india.GstRates.inForce(on).stream().map(java.math.BigDecimal::toPlainString).toList()));
    }

    @GetMapping
    @Operation(summary = "The scheduled GST rate of an HSN code on a date (default today), and every row that can apply to it")
    public Mono<ScheduleAnswer> rate(@AuthenticationPrincipal ShopPrincipal me, @RequestParam String hsn,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        me.requireShop();
        if (!hsn.matches("[0-9]{2,8}")) {
            return Mono.error(Problems.invalid("hsn", "HSN/SAC is 2 to 8 digits"));
        }
        LocalDate on = date == null ? rates.today() : date;
        var schedule = rates.schedule();
        return Mono.just(new ScheduleAnswer(hsn, on, schedule.rateOn(hsn, on).orElse(null), schedule.timeline(hsn)));
    }
}
