package dev.kirana.order.einvoice;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The e-invoice settings of each shop and the registrations of its sales; every query is scoped by shop. */
@Repository
public class EInvoiceRepository {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final String REGISTRATION = """
            order_id, document_type, document_number, irn, ack_no, ack_date, status, signed_invoice, signed_qr_code,
            registered_by, registered_at""";
    private final DatabaseClient db;

    public EInvoiceRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<EInvoiceSettings> settings(String shopId) {
        return db.sql("""
                        SELECT enabled, previous_year_turnover, turnover_threshold, legal_name, address1, address2, location,
                               pin_code FROM e_invoice_settings WHERE shop_id = :shop""")
                .bind("shop", shopId)
                .map(r -> new EInvoiceSettings(r.get("enabled", Boolean.class), r.get("previous_year_turnover", BigDecimal.class),
                        r.get("turnover_threshold", BigDecimal.class), r.get("legal_name", String.class),
                        r.get("address1", String.class), r.get("address2", String.class), r.get("location", String.class),
                        r.get("pin_code", String.class)))
                .one()
                .defaultIfEmpty(EInvoiceSettings.none());
    }

    public Mono<EInvoiceSettings> saveSettings(String shopId, EInvoiceSettings s) {
        var spec = db.sql("""
                        INSERT INTO e_invoice_settings (shop_id, enabled, previous_year_turnover, turnover_threshold, legal_name,
                                                        address1, address2, location, pin_code)
                        VALUES (:shop, :enabled, :turnover, :threshold, :name, :a1, :a2, :loc, :pin)
                        ON CONFLICT (shop_id) DO UPDATE SET enabled = excluded.enabled,
                            previous_year_turnover = excluded.previous_year_turnover,
                            turnover_threshold = excluded.turnover_threshold, legal_name = excluded.legal_name,
                            address1 = excluded.address1, address2 = excluded.address2, location = excluded.location,
                            pin_code = excluded.pin_code, updated_at = now()""")
                .bind("shop", shopId).bind("enabled", s.enabled()).bind("turnover", s.previousYearTurnover())
                .bind("threshold", s.turnoverThreshold());
        spec = text(spec, "name", s.legalName());
        spec = text(spec, "a1", s.address1());
        spec = text(spec, "a2", s.address2());
        spec = text(spec, "loc", s.location());
        spec = text(spec, "pin", s.pinCode());
        return spec.then().then(settings(shopId));
    }

    /** The sale's registration, or empty when it has none (or the shop has no such sale). */
    public Mono<EInvoiceRegistration> find(String shopId, UUID orderId) {
        return db.sql("SELECT " + REGISTRATION + " FROM e_invoices WHERE shop_id = :shop AND order_id = :order")
                .bind("shop", shopId).bind("order", orderId).map(EInvoiceRepository::map).one();
    }

    /** The IRN request the sale was registered with, as sent. */
    public Mono<String> requestJson(String shopId, UUID orderId) {
        return db.sql("SELECT request_json FROM e_invoices WHERE shop_id = :shop AND order_id = :order")
                .bind("shop", shopId).bind("order", orderId).map(r -> r.get("request_json", String.class)).one();
    }

    /** Stores a registration unless the sale has one already; true when this one was stored. */
    public Mono<Boolean> insert(String shopId, UUID orderId, IrnRequest request, String requestJson, IrnResponse answer,
                                String by, Instant at) {
        return db.sql("""
                        INSERT INTO e_invoices (order_id, shop_id, document_type, document_number, irn, ack_no, ack_date, status,
                                                signed_invoice, signed_qr_code, request_json, registered_by, registered_at)
                        VALUES (:order, :shop, :type, :number, :irn, :ack, :ackDate, :status, :invoice, :qr, :request, :by, :at)
                        ON CONFLICT DO NOTHING""")
                .bind("order", orderId).bind("shop", shopId).bind("type", request.docDtls().typ())
                .bind("number", request.docDtls().no()).bind("irn", answer.irn()).bind("ack", answer.ackNo())
                .bind("ackDate", answer.ackDt().atZone(IST).toOffsetDateTime()).bind("status", answer.status())
                .bind("invoice", answer.signedInvoice()).bind("qr", answer.signedQrCode()).bind("request", requestJson)
                .bind("by", by).bind("at", at.atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    private static EInvoiceRegistration map(Readable r) {
        OffsetDateTime ack = r.get("ack_date", OffsetDateTime.class);
        OffsetDateTime at = r.get("registered_at", OffsetDateTime.class);
        return new EInvoiceRegistration(r.get("order_id", UUID.class), r.get("document_type", String.class),
                r.get("document_number", String.class), r.get("irn", String.class), r.get("ack_no", String.class),
                ack == null ? null : ack.atZoneSameInstant(IST).toOffsetDateTime(), r.get("status", String.class),
                r.get("signed_invoice", String.class), r.get("signed_qr_code", String.class),
                r.get("registered_by", String.class), at == null ? null : at.toInstant());
    }

    private static DatabaseClient.GenericExecuteSpec text(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }
}
