package dev.kirana.reporting.web;

import dev.kirana.reporting.dashboard.Dashboard;
import dev.kirana.reporting.money.MoneyReports;
import dev.kirana.reporting.report.ReportRequests;
import dev.kirana.reporting.report.ReportResponses;
import dev.kirana.reporting.sales.SalesReports;
import dev.kirana.reporting.stock.StockReports;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The shop's reports. Owners, managers and auditors (and API clients with reports:read) read them; each answers JSON,
 * or a CSV, XLSX or PDF file with {@code format}. Dates are the shop's days; ranges are inclusive, at most two years.
 */
@RestController
@Allowed(Access.REPORTS)
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
public class ReportController {
    private static final String FORMAT = "json (default), csv, xlsx or pdf";
    private final ReportRequests requests;
    private final ReportResponses responses;
    private final SalesReports sales;
    private final StockReports stock;
    private final MoneyReports money;
    private final Dashboard dashboard;

    public ReportController(ReportRequests requests, ReportResponses responses, SalesReports sales, StockReports stock,
                            MoneyReports money, Dashboard dashboard) {
        this.requests = requests;
        this.responses = responses;
        this.sales = sales;
        this.stock = stock;
        this.money = money;
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard")
    @Operation(summary = "Today's KPIs against the same weekday last week, top five products, stock alerts, khata, cash expected and 30 days of sales")
    public Mono<Dashboard.View> dashboard(@AuthenticationPrincipal ShopPrincipal me,
                                          @Parameter(description = "the day to show; default today") @RequestParam(required = false)
                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                          @RequestParam(required = false) Integer expiringDays) {
        return requests.shop(me)
                .flatMap(c -> dashboard.view(c.id(), date != null ? date : c.today(),
                        ReportRequests.bounded(expiringDays, 7, 1, 365, "expiringDays")));
    }

    @GetMapping("/sales")
    @Operation(summary = "Sales summary per day, week or month: sales, voids, refunds, gross, returns, net, discounts, average basket, tax, cost and gross margin")
    public Mono<ResponseEntity<?>> salesSummary(@AuthenticationPrincipal ShopPrincipal me,
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                @Parameter(description = "day (default), week or month") @RequestParam(required = false) String groupBy,
                                                @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        return responses.answer(requests.shop(me).flatMap(c -> sales.summary(c.id(), c.range(from, to), requests.period(groupBy))), format);
    }

    @GetMapping("/sales/by/{dimension}")
    @Operation(summary = "Sales by product, category, hsn, tender, cashier (sales, voids, refunds, discounts per cashier), customer, hour or weekday")
    public Mono<ResponseEntity<?>> salesBy(@AuthenticationPrincipal ShopPrincipal me,
                                           @Parameter(description = "product, category, hsn, tender, cashier, customer, hour or weekday") @PathVariable String dimension,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                           @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        return responses.answer(requests.shop(me).flatMap(c -> {
            SalesReports.Dimension dim;
            try {
                dim = SalesReports.Dimension.valueOf(dimension.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Problems.notFound("No sales report by " + dimension
                        + "; there are product, category, hsn, tender, cashier, customer, hour and weekday");
            }
            return sales.by(c.id(), c.range(from, to), dim);
        }), format);
    }

    @GetMapping("/sales/top")
    @Operation(summary = "Top (or bottom) sellers by net sales or net quantity")
    public Mono<ResponseEntity<?>> top(@AuthenticationPrincipal ShopPrincipal me,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       @Parameter(description = "amount (default) or quantity") @RequestParam(required = false) String by,
                                       @Parameter(description = "top (default) or bottom") @RequestParam(required = false) String order,
                                       @RequestParam(required = false) Integer limit,
                                       @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        return responses.answer(requests.shop(me).flatMap(c -> {
            boolean quantity = choice(by, "by", "amount", "quantity");
            boolean bottom = choice(order, "order", "top", "bottom");
            return sales.top(c.id(), c.range(from, to), quantity, bottom,
                    ReportRequests.bounded(limit, 10, 1, 500, "limit"));
        }), format);
    }

    @GetMapping("/profitability")
    @Operation(summary = "Revenue (taxable value), cost, margin and margin % by product or category, net of returns")
    public Mono<ResponseEntity<?>> profitability(@AuthenticationPrincipal ShopPrincipal me,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                 @Parameter(description = "product (default) or category") @RequestParam(required = false) String by,
                                                 @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        return responses.answer(requests.shop(me).flatMap(c -> sales.profitability(c.id(), c.range(from, to),
                choice(by, "by", "product", "category"))), format);
    }

    @GetMapping("/stock")
    @Operation(summary = "Stock on hand and its value by category (or by product, with reorder levels)")
    public Mono<ResponseEntity<?>> stock(@AuthenticationPrincipal ShopPrincipal me,
                                         @Parameter(description = "category (default) or product") @RequestParam(required = false) String by,
                                         @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        return responses.answer(requests.shop(me).flatMap(c -> stock.onHand(c.id(), choice(by, "by", "category", "product"),
                c.today())), format);
    }

    @GetMapping("/stock/expiring")
    @Operation(summary = "Batches with stock left that expire within the next N days (default 30), and those already expired")
    public Mono<ResponseEntity<?>> expiring(@AuthenticationPrincipal ShopPrincipal me, @RequestParam(required = false) Integer days,
                                            @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        return responses.answer(requests.shop(me).flatMap(c -> stock.expiring(c.id(), c.today(),
                ReportRequests.bounded(days, 30, 0, 3650, "days"))), format);
    }

    @GetMapping("/stock/slow-moving")
    @Operation(summary = "Dead stock (no sale in N days, default 60) and slow movers (on hand lasts more than coverDays, default 90), with the value tied up")
    public Mono<ResponseEntity<?>> slowMoving(@AuthenticationPrincipal ShopPrincipal me, @RequestParam(required = false) Integer days,
                                              @RequestParam(required = false) Integer coverDays,
                                              @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        return responses.answer(requests.shop(me).flatMap(c -> stock.slowMoving(c.id(), c.today(),
                ReportRequests.bounded(days, 60, 1, 730, "days"), ReportRequests.bounded(coverDays, 90, 1, 3650, "coverDays"))), format);
    }

    @GetMapping("/stock/ageing")
    @Operation(summary = "Stock value by how long ago its lot came in (0-30, 31-60, 61-90, 91-180, over 180 days)")
    public Mono<ResponseEntity<?>> ageing(@AuthenticationPrincipal ShopPrincipal me,
                                          @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        return responses.answer(requests.shop(me).flatMap(c -> stock.ageing(c.id(), c.today(), c.zone())), format);
    }

    @GetMapping("/tax")
    @Operation(summary = "Output tax collected by GST rate and tax type (CGST, SGST, IGST), net of returns")
    public Mono<ResponseEntity<?>> tax(@AuthenticationPrincipal ShopPrincipal me,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        return responses.answer(requests.shop(me).flatMap(c -> money.tax(c.id(), c.range(from, to))), format);
    }

    @GetMapping("/khata")
    @Operation(summary = "Khata outstanding per customer (or supplier) with first-in-first-out ageing (0-30, 31-60, 61-90, over 90 days) and advances")
    public Mono<ResponseEntity<?>> khata(@AuthenticationPrincipal ShopPrincipal me,
                                         @Parameter(description = "customer (default) or supplier") @RequestParam(required = false) String kind,
                                         @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        return responses.answer(requests.shop(me).flatMap(c -> money.khata(c.id(),
                choice(kind, "kind", "customer", "supplier") ? "SUPPLIER" : "CUSTOMER", c.today(), c.zone())), format);
    }

    @GetMapping("/expenses")
    @Operation(summary = "Expenses by category: net of tax, input tax and paid, less reversals")
    public Mono<ResponseEntity<?>> expenses(@AuthenticationPrincipal ShopPrincipal me,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                            @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        return responses.answer(requests.shop(me).flatMap(c -> money.expenses(c.id(), c.range(from, to))), format);
    }

    @GetMapping("/cash-flow")
    @Operation(summary = "Money in and out per day, week or month by what moved it (sales, refunds, collections, supplier payments, purchases, expenses, fees, settlements, cash short/over)")
    public Mono<ResponseEntity<?>> cashFlow(@AuthenticationPrincipal ShopPrincipal me,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                            @Parameter(description = "day (default), week or month") @RequestParam(required = false) String groupBy,
                                            @Parameter(description = "CASH, CARD, UPI or BANK; default all") @RequestParam(required = false) String channel,
                                            @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        return responses.answer(requests.shop(me).flatMap(c -> {
            String ch = channel == null ? null : channel.toUpperCase(Locale.ROOT);
            if (ch != null && !java.util.Set.of("CASH", "CARD", "UPI", "BANK").contains(ch)) {
                throw Problems.invalid("channel", "must be CASH, CARD, UPI or BANK");
            }
            return money.cashFlow(c.id(), c.range(from, to), requests.period(groupBy), ch);
        }), format);
    }

    /** false for the first value (and by default), true for the second; a 400 for anything else. */
    static boolean choice(String value, String name, String first, String second) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase(first)) {
            return false;
        }
        if (value.equalsIgnoreCase(second)) {
            return true;
        }
        throw Problems.invalid(name, "must be " + first + " or " + second);
    }
}
