package dev.kirana.order.shop;

import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import dev.kirana.order.gst.FinancialYear;
import dev.kirana.order.gst.RegistrationType;
import dev.kirana.order.pricing.TenderType;
import java.util.EnumSet;
import java.util.Set;
import dev.kirana.order.settings.OrderProperties;
import io.cloudevents.CloudEvent;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Each shop's GST registration, from auth-service's shop events, next to the POS settings this service owns. */
@Component
public class ShopDirectory {
    static final String CONSUMER = "order-service.shops";
    private static final String COLUMNS = "shop_id, name, state_code, gstin, registration_type, currency, fy_start_month, "
            + "invoice_prefix, credit_note_prefix, loyalty_points_per_100, loyalty_point_value, address, receipt_footer, "
            + "upi_vpa, upi_payee_name, disabled_tenders";
    private final DatabaseClient db;
    private final InboxProcessor inbox;
    private final OrderProperties props;
    private final Map<String, EventHandler> handlers;

    public ShopDirectory(DatabaseClient db, InboxProcessor inbox, OrderProperties props) {
        this.db = db;
        this.inbox = inbox;
        this.props = props;
        this.handlers = Map.of(
                EventTypes.SHOP_CREATED, e -> {
                    ShopEvents.ShopCreated s = KiranaEvents.data(e, ShopEvents.ShopCreated.class);
                    return register(e, s.name(), s.stateCode(), s.gstin(), s.currency(), s.registrationType(), null);
                },
                EventTypes.SHOP_UPDATED, e -> {
                    ShopEvents.ShopUpdated s = KiranaEvents.data(e, ShopEvents.ShopUpdated.class);
                    return register(e, s.name(), s.stateCode(), s.gstin(), s.currency(), s.registrationType(),
                            s.financialYearStartMonth() == 0 ? null : s.financialYearStartMonth());
                });
    }

    @KafkaListener(topics = Topics.SHOP)
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, handlers);
    }

    public Mono<ShopProfile> profile(String shopId) {
        return db.sql("SELECT " + COLUMNS + " FROM shops WHERE shop_id = :shop").bind("shop", shopId)
                .map(this::map).one()
                .defaultIfEmpty(ShopProfile.unknown(shopId, props.defaultStateCode()));
    }

    /** Replaces the registration details; the POS settings stay as the shop set them. */
    private Mono<Void> register(CloudEvent e, String name, String state, String gstin, String currency, String registration,
                                Integer fyStartMonth) {
        String shopId = KiranaEvents.shopId(e);
        var spec = db.sql("""
                        INSERT INTO shops (shop_id, name, state_code, gstin, registration_type, currency, fy_start_month)
                        VALUES (:shop, :name, :state, :gstin, :reg, :currency, :fy)
                        ON CONFLICT (shop_id) DO UPDATE SET name = excluded.name, state_code = excluded.state_code,
                            gstin = excluded.gstin, registration_type = excluded.registration_type, currency = excluded.currency,
                            fy_start_month = COALESCE(excluded.fy_start_month, shops.fy_start_month), updated_at = now()""")
                .bind("shop", shopId);
        spec = bindNullable(spec, "name", name, String.class);
        spec = bindNullable(spec, "state", state, String.class);
        spec = bindNullable(spec, "gstin", gstin, String.class);
        spec = bindNullable(spec, "reg", registration, String.class);
        spec = bindNullable(spec, "currency", currency, String.class);
        spec = bindNullable(spec, "fy", fyStartMonth, Integer.class);
        return spec.then();
    }

    /** Saves the POS settings of a shop (its registration details come from events only). */
    public Mono<ShopProfile> saveSettings(String shopId, ShopSettings s) {
        var spec = db.sql("""
                        INSERT INTO shops (shop_id, invoice_prefix, credit_note_prefix, loyalty_points_per_100, loyalty_point_value,
                                           address, receipt_footer, upi_vpa, upi_payee_name)
                        VALUES (:shop, :inv, :cn, :per100, :value, :address, :footer, :vpa, :payee)
                        ON CONFLICT (shop_id) DO UPDATE SET invoice_prefix = excluded.invoice_prefix,
                            credit_note_prefix = excluded.credit_note_prefix, loyalty_points_per_100 = excluded.loyalty_points_per_100,
                            loyalty_point_value = excluded.loyalty_point_value, address = excluded.address,
                            receipt_footer = excluded.receipt_footer, upi_vpa = excluded.upi_vpa,
                            upi_payee_name = excluded.upi_payee_name, updated_at = now()""")
                .bind("shop", shopId).bind("inv", s.invoicePrefix()).bind("cn", s.creditNotePrefix())
                .bind("per100", s.loyaltyPointsPer100()).bind("value", s.loyaltyPointValue());
        spec = bindNullable(spec, "address", s.address(), String.class);
        spec = bindNullable(spec, "footer", s.receiptFooter(), String.class);
        spec = bindNullable(spec, "vpa", s.upiVpa(), String.class);
        spec = bindNullable(spec, "payee", s.upiPayeeName(), String.class);
        return spec.then().then(profile(shopId));
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
                                                                      T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private ShopProfile map(Readable r) {
        String state = r.get("state_code", String.class);
        Integer fy = r.get("fy_start_month", Integer.class);
        String currency = r.get("currency", String.class);
        return new ShopProfile(r.get("shop_id", String.class), r.get("name", String.class),
                state == null ? props.defaultStateCode() : state, r.get("gstin", String.class),
                RegistrationType.parse(r.get("registration_type", String.class)), currency == null ? "INR" : currency,
                fy == null ? FinancialYear.INDIA_START_MONTH : fy, r.get("invoice_prefix", String.class),
                r.get("credit_note_prefix", String.class), r.get("loyalty_points_per_100", BigDecimal.class),
                r.get("loyalty_point_value", BigDecimal.class), r.get("address", String.class),
                r.get("receipt_footer", String.class), r.get("upi_vpa", String.class), r.get("upi_payee_name", String.class),
                state != null, accepted(r.get("disabled_tenders", String[].class)));
    }

    /** Every payment method but the ones the shop turned off. */
    static Set<TenderType> accepted(String[] disabled) {
        Set<TenderType> accepted = EnumSet.allOf(TenderType.class);
        if (disabled != null) {
            for (String d : disabled) {
                accepted.remove(TenderType.valueOf(d));
            }
        }
        return accepted;
    }

    /** Turns payment methods on or off for the shop: those not in {@code accepted} are refused at the counter. */
    public Mono<ShopProfile> savePaymentMethods(String shopId, Set<TenderType> accepted) {
        String[] disabled = EnumSet.complementOf(accepted.isEmpty() ? EnumSet.noneOf(TenderType.class) : EnumSet.copyOf(accepted))
                .stream().map(Enum::name).toArray(String[]::new);
        return db.sql("""
                        INSERT INTO shops (shop_id, disabled_tenders) VALUES (:shop, :disabled)
                        ON CONFLICT (shop_id) DO UPDATE SET disabled_tenders = excluded.disabled_tenders, updated_at = now()""")
                .bind("shop", shopId).bind("disabled", disabled).then().then(profile(shopId));
    }
}
