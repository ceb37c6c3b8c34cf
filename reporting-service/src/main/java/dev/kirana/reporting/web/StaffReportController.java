package dev.kirana.reporting.web;

import dev.kirana.reporting.report.ReportRequests;
import dev.kirana.reporting.report.ReportResponses;
import dev.kirana.reporting.staff.StaffPerformance;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The shop's people as the reports see them: owners, managers and auditors read it, like every report. */
@RestController
@Allowed(Access.REPORTS)
@RequestMapping("/api/v1/reports/staff")
@Tag(name = "Reports")
public class StaffReportController {
    private final ReportRequests requests;
    private final ReportResponses responses;
    private final StaffPerformance performance;

    public StaffReportController(ReportRequests requests, ReportResponses responses, StaffPerformance performance) {
        this.requests = requests;
        this.responses = responses;
        this.performance = performance;
    }

    @GetMapping("/performance")
    @Operation(summary = "Performance per employee (and per cashier login linked to no employee): sales, gross, voids, refunds, "
            + "net, discounts given, baskets with their average value and items, hours worked, days present and net sales per hour")
    public Mono<ResponseEntity<?>> performance(@AuthenticationPrincipal ShopPrincipal me,
                                               @Parameter(description = "first day; default the first of to's month")
                                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                               @Parameter(description = "last day; default today")
                                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                               @Parameter(description = "json (default), csv, xlsx or pdf") @RequestParam(required = false) String format) {
        return responses.answer(requests.shop(me).flatMap(c -> performance.performance(c.id(), c.range(from, to))), format);
    }
}
