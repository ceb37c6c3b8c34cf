package dev.kirana.reporting.web;

import dev.kirana.reporting.demand.DemandReports;
import dev.kirana.reporting.report.ReportRequests;
import dev.kirana.reporting.report.ReportResponses;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.REPORTS)
@RequestMapping("/api/v1/reports")
@Tag(name = "Forecasts")
public class DemandController {
    private final ReportRequests requests;
    private final ReportResponses responses;
    private final DemandReports demand;

    public DemandController(ReportRequests requests, ReportResponses responses, DemandReports demand) {
        this.requests = requests;
        this.responses = responses;
        this.demand = demand;
    }

    @GetMapping("/forecast")
    @Operation(summary = "Daily demand for the next 7 to 30 days with 80 % and 95 % intervals: one product in detail (method picked by backtest, its MASE and the seasonal-naive baseline's), or every product as a report")
    public Mono<ResponseEntity<?>> forecast(@AuthenticationPrincipal ShopPrincipal me,
                                            @RequestParam(required = false) String productId,
                                            @Parameter(description = "days ahead, 1 to 30 (default 14)") @RequestParam(required = false) Integer horizon,
                                            @Parameter(description = "json (default), csv, xlsx or pdf; for every product") @RequestParam(required = false) String format) {
        return requests.shop(me).flatMap(c -> {
            String shop = c.id();
            int h = ReportRequests.bounded(horizon, 14, 1, 30, "horizon");
            LocalDate today = c.today();
            if (productId == null) {
                return responses.answer(demand.forecasts(shop, today, h).map(all -> DemandReports.table(shop, today, h, all)), format);
            }
            return demand.forecasts(shop, today, h).map(all -> {
                DemandReports.ProductForecast p = all.get(productId);
                if (p == null) {
                    throw Problems.notFound("No sales of product " + productId + " in the last 182 days to forecast from");
                }
                return ResponseEntity.ok(DemandReports.detail(p, today));
            });
        });
    }

    @GetMapping("/reorder")
    @Operation(summary = "Reorder suggestions: reorder point = lead-time demand + safety stock for the service level, a suggested quantity, products that run out before a delivery first, grouped by supplier")
    public Mono<ResponseEntity<?>> reorder(@AuthenticationPrincipal ShopPrincipal me,
                                           @Parameter(description = "supplier lead time in days (default 7)") @RequestParam(required = false) Integer leadTimeDays,
                                           @Parameter(description = "days until the order after this one (default 7)") @RequestParam(required = false) Integer reviewDays,
                                           @Parameter(description = "0.5 to 0.999 (default 0.95)") @RequestParam(required = false) Double serviceLevel,
                                           @Parameter(description = "true: every stocked product, not only those to order") @RequestParam(required = false) Boolean all,
                                           @Parameter(description = "json (default), csv, xlsx or pdf") @RequestParam(required = false) String format) {
        return responses.answer(requests.shop(me).flatMap(c -> {
            double level = serviceLevel == null ? 0.95 : serviceLevel;
            if (!(level >= 0.5 && level <= 0.999)) {
                throw Problems.invalid("serviceLevel", "must be between 0.5 and 0.999");
            }
            return demand.reorder(c.id(), c.today(), ReportRequests.bounded(leadTimeDays, 7, 1, 180, "leadTimeDays"),
                    ReportRequests.bounded(reviewDays, 7, 0, 180, "reviewDays"), level, Boolean.TRUE.equals(all));
        }), format);
    }

    @GetMapping("/anomalies")
    @Operation(summary = "Worth a look: cashiers whose voids and refunds are far above the shop's norm, and products whose last week's demand jumped or dropped outside the forecast's 95 % interval")
    public Mono<Map<String, Object>> anomalies(@AuthenticationPrincipal ShopPrincipal me,
                                               @RequestParam(required = false) Integer days) {
        return requests.shop(me).flatMap(c -> demand.anomalies(c.id(), c.today(),
                ReportRequests.bounded(days, 30, 7, 365, "days")));
    }
}
