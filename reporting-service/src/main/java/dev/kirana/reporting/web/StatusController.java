package dev.kirana.reporting.web;

import dev.kirana.reporting.readmodel.ConsumerLag;
import dev.kirana.reporting.readmodel.ReadModelRebuild;
import dev.kirana.reporting.report.ReportRequests;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@Allowed(Access.REPORTS)
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
public class StatusController {
    private final ReportRequests requests;
    private final ConsumerLag lag;
    private final ReadModelRebuild rebuild;
    private final DatabaseClient db;

    public StatusController(ReportRequests requests, ConsumerLag lag, ReadModelRebuild rebuild, DatabaseClient db) {
        this.requests = requests;
        this.lag = lag;
        this.rebuild = rebuild;
        this.db = db;
    }

    /** How current the reports are: events not yet applied per topic, the shop's latest sale, and the last rebuild. */
    public record Status(long lag, ConsumerLag.Snapshot consumer, Instant lastSaleAt, ReadModelRebuild.Status rebuild) {
    }

    @GetMapping("/status")
    @Operation(summary = "How current the reports are: consumer lag per topic, the shop's latest sale seen, the last read-model rebuild")
    public Mono<Status> status(@AuthenticationPrincipal ShopPrincipal me) {
        return requests.shop(me)
                .flatMap(c -> db.sql("SELECT max(at) AS at FROM sale_docs WHERE shop_id = :shop").bind("shop", c.id())
                        .map(r -> java.util.Optional.ofNullable(r.get("at", Instant.class))).one())
                .zipWith(Mono.fromCallable(lag::measure).subscribeOn(Schedulers.boundedElastic()))
                .map(t -> new Status(t.getT2().total(), t.getT2(), t.getT1().orElse(null), rebuild.status()));
    }
}
