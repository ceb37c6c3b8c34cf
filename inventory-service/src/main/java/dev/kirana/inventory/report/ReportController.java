package dev.kirana.inventory.report;

import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.STOCK_BOOKS)
@RequestMapping("/api/v1/inventory")
@Tag(name = "Reports")
public class ReportController {
    private final ReportService reports;

    public ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/valuation")
    @Operation(summary = "Inventory valuation: quantity × cost by product, totalled by category and overall (one location or all)")
    public Mono<ValuationReport> valuation(@AuthenticationPrincipal ShopPrincipal me, @RequestParam(required = false) UUID locationId) {
        return reports.valuation(me.requireShop(), locationId);
    }

    @GetMapping("/low-stock")
    @Allowed(Access.STOCK_LOOKUP)
    @Operation(summary = "Products at or below their reorder level (available = on hand − reserved − expired, all locations), most short first")
    public Mono<List<ReportService.LowStockItem>> lowStock(@AuthenticationPrincipal ShopPrincipal me) {
        return reports.lowStock(me.requireShop()).collectList();
    }

    @GetMapping("/batches")
    @Operation(summary = "Open batches (lots) with what is left and their expiry, first-expiring first; expiringWithinDays finds what to sell or clear soon")
    public Mono<List<ReportService.Batch>> batches(@AuthenticationPrincipal ShopPrincipal me, @RequestParam(required = false) String productId,
                                                   @RequestParam(required = false) UUID locationId,
                                                   @RequestParam(required = false) @Min(0) @Max(3650) Integer expiringWithinDays) {
        return reports.batches(me.requireShop(), productId, locationId, expiringWithinDays).collectList();
    }

    @GetMapping("/serials")
    @Allowed(Access.STOCK_LOOKUP)
    @Operation(summary = "Serial units (IMEIs) of serial-tracked products: status, location, times sold and returned, ledger movements")
    public Mono<List<ReportService.SerialUnitView>> serials(@AuthenticationPrincipal ShopPrincipal me,
                                                            @RequestParam(required = false) String productId,
                                                            @RequestParam(required = false)
                                                            @Pattern(regexp = "(?i)IN_STOCK|SOLD|WRITTEN_OFF", message = "IN_STOCK, SOLD or WRITTEN_OFF") String status,
                                                            @RequestParam(required = false) String serial) {
        return reports.serials(me.requireShop(), productId, status, serial).collectList();
    }
}
