package dev.kirana.order.numbering;

import dev.kirana.order.gst.DocumentNumber;
import dev.kirana.order.gst.FinancialYear;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Hands out invoice and credit-note numbers, consecutive per shop, series and financial year. The counter row is
 * incremented inside the caller's transaction and stays locked until it commits: concurrent sales of one shop queue
 * for the next number, and a transaction that rolls back takes its number with it, so no number is skipped or reused.
 */
@Component
public class DocumentSeries {
    public enum Kind { INVOICE, CREDIT_NOTE }

    private final DatabaseClient db;

    public DocumentSeries(DatabaseClient db) {
        this.db = db;
    }

    public Mono<String> next(String shopId, String prefix, Kind kind, FinancialYear year) {
        return db.sql("""
                        INSERT INTO document_series (shop_id, prefix, financial_year, kind, last_number) VALUES (:shop, :prefix, :fy, :kind, 1)
                        ON CONFLICT (shop_id, prefix, financial_year) DO UPDATE SET last_number = document_series.last_number + 1
                        RETURNING last_number""")
                .bind("shop", shopId).bind("prefix", prefix).bind("fy", year.label()).bind("kind", kind.name())
                .map(r -> r.get("last_number", Long.class)).one()
                .map(n -> DocumentNumber.format(prefix, year, n));
    }
}
