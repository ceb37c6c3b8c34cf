package dev.kirana.inventory.purchase;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The one writer of {@code purchase_flags}: what could not be done exactly as a bill or debit note said. */
@Component
public class PurchaseFlags {
    private final DatabaseClient db;

    public PurchaseFlags(DatabaseClient db) {
        this.db = db;
    }

    @Schema(example = """
            {"billId":"9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","document":"DN/26-27/0001","lineNo":1,"productId":"p-atta-5kg",
             "quantity":"2","problem":"only 1 in stock here: 1 could not leave stock","createdAt":"2026-04-15T06:12:00Z"}""")
    public record Flag(String billId, String document, int lineNo, String productId, BigDecimal quantity, String problem, Instant createdAt) {
    }

    Mono<Void> flag(String shopId, String billId, String document, int lineNo, String productId, BigDecimal quantity, String problem) {
        return db.sql("""
                        INSERT INTO purchase_flags (shop_id, bill_id, document, line_no, product_id, quantity, problem)
                        VALUES (:shop, :bill, :doc, :line, :product, :qty, :problem)""")
                .bind("shop", shopId).bind("bill", billId).bind("doc", document).bind("line", lineNo).bind("product", productId)
                .bind("qty", quantity).bind("problem", problem).then();
    }

    public Mono<List<Flag>> list(String shopId, String billId) {
        var spec = db.sql("SELECT bill_id, document, line_no, product_id, quantity, problem, created_at FROM purchase_flags WHERE shop_id = :shop"
                        + (billId == null ? "" : " AND bill_id = :bill") + " ORDER BY id")
                .bind("shop", shopId);
        if (billId != null) {
            spec = spec.bind("bill", billId);
        }
        return spec.map(r -> new Flag(r.get("bill_id", String.class), r.get("document", String.class), r.get("line_no", Integer.class),
                        r.get("product_id", String.class), r.get("quantity", BigDecimal.class), r.get("problem", String.class),
                        r.get("created_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }
}
