package dev.kirana.reporting.sales;

import dev.kirana.web.problem.Problems;
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

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Sales reports")
public class SalesReportController {
    private final DailySales sales;

    public SalesReportController(DailySales sales) {
        this.sales = sales;
    }

    @GetMapping("/sales/daily")
    @Operation(summary = "Confirmed orders and revenue per day (India time), inclusive range")
    public Mono<List<DailySales.Row>> daily(@AuthenticationPrincipal ShopPrincipal me,
                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from) || from.plusYears(2).isBefore(to)) {
            return Mono.error(Problems.invalid("to", "must be on or after from, and at most two years later"));
        }
        return sales.between(me.requireShop(), from, to).collectList();
    }
}
