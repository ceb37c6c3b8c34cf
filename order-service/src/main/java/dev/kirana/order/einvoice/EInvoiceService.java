package dev.kirana.order.einvoice;

import dev.kirana.order.order.Order;
import dev.kirana.order.order.OrderService;
import dev.kirana.order.shop.ShopDirectory;
import dev.kirana.web.problem.Problems;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.kirana.web.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-invoicing of a shop's B2B sales: the IRN request of a sale, its registration on the portal (once: a repeat
 * answers with the stored registration), and what was registered. The portal is called outside any transaction
 * (it is a remote party); the registration is then stored with {@code ON CONFLICT DO NOTHING}, so two registrations
 * of one sale at once store one, and both answer with it (the portal gives a repeat the same IRN).
 */
@Service
public class EInvoiceService {
    private final OrderService orders;
    private final ShopDirectory shops;
    private final EInvoiceRepository repository;
    private final InvoiceRegistrationPortal portal;
    private final JsonMapper json;
    private final Clock clock;

    private final TransactionalOperator tx;
    private final AuditLog audit;

    @Autowired
    public EInvoiceService(OrderService orders, ShopDirectory shops, EInvoiceRepository repository,
                           InvoiceRegistrationPortal portal, JsonMapper json, TransactionalOperator tx, AuditLog audit) {
        this(orders, shops, repository, portal, json, Clock.systemUTC(), tx, audit);
    }

    EInvoiceService(OrderService orders, ShopDirectory shops, EInvoiceRepository repository,
                    InvoiceRegistrationPortal portal, JsonMapper json, Clock clock, TransactionalOperator tx, AuditLog audit) {
        this.tx = tx;
        this.audit = audit;
        this.orders = orders;
        this.shops = shops;
        this.repository = repository;
        this.portal = portal;
        this.json = json;
        this.clock = clock;
    }

    public record Registered(EInvoiceRegistration registration, boolean created) {
    }

    public Mono<EInvoiceSettings> settings(String shopId) {
        return repository.settings(shopId);
    }

    /** Saves the settings and records the change (before: the settings as they were, or none) in one transaction. */
    public Mono<EInvoiceSettings> saveSettings(String shopId, EInvoiceSettings settings) {
        Mono<EInvoiceSettings> work = repository.settings(shopId).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(before -> repository.saveSettings(shopId, settings)
                        .flatMap(after -> audit.record(shopId, AuditLog.Entry.of("settings.changed", "e-invoice-settings", shopId)
                                .change(before.orElse(null), after)).thenReturn(after)));
        return tx.transactional(work);
    }

    /** The sale's IRN request: as registered when it is, else as it would be sent now with this buyer address. */
    public Mono<IrnRequest> request(String shopId, UUID orderId, BuyerAddress buyer) {
        return orders.get(shopId, orderId)
                .flatMap(order -> repository.requestJson(shopId, orderId)
                        .map(text -> json.readValue(text, IrnRequest.class))
                        .switchIfEmpty(Mono.defer(() -> build(shopId, order, buyer))));
    }

    /** Registers the sale's invoice, or answers with its registration when it has one. */
    public Mono<Registered> register(String shopId, UUID orderId, BuyerAddress buyer, String by) {
        return orders.get(shopId, orderId)
                .flatMap(order -> repository.find(shopId, orderId).map(r -> new Registered(r, false))
                        .switchIfEmpty(Mono.defer(() -> build(shopId, order, buyer)
                                .flatMap(request -> portal.register(request)
                                        .flatMap(answer -> repository.insert(shopId, orderId, request,
                                                json.writeValueAsString(request), answer, by, clock.instant())))
                                .flatMap(created -> repository.find(shopId, orderId).map(r -> new Registered(r, created))))));
    }

    /** The sale's registration; 404 when the shop has no such sale or it is not registered. */
    public Mono<EInvoiceRegistration> registration(String shopId, UUID orderId) {
        return orders.get(shopId, orderId)
                .then(repository.find(shopId, orderId))
                .switchIfEmpty(Mono.error(() -> Problems.of(HttpStatus.NOT_FOUND, "e-invoice-not-registered", "Not found",
                        "Order " + orderId + " has no registered e-invoice (POST /api/v1/orders/" + orderId + "/e-invoice)")));
    }

    /** The registration of a sale if it has one, for its invoice to print. */
    public Mono<EInvoiceRegistration> find(String shopId, UUID orderId) {
        return repository.find(shopId, orderId);
    }

    private Mono<IrnRequest> build(String shopId, Order order, BuyerAddress buyer) {
        return Mono.zip(shops.profile(shopId), repository.settings(shopId))
                .map(t -> {
                    try {
                        return IrnRequestBuilder.build(order, t.getT1(), t.getT2(), buyer == null ? BuyerAddress.none() : buyer);
                    } catch (IrnRequestBuilder.NotApplicable e) {
                        throw Problems.unprocessable("e-invoice-not-applicable", e.getMessage());
                    } catch (IrnRequestBuilder.NotSold e) {
                        throw Problems.conflict(e.getMessage());
                    } catch (IrnRequestBuilder.MissingValues e) {
                        List<Problems.FieldError> errors = e.missing().stream()
                                .map(m -> new Problems.FieldError(m.field(), m.message())).toList();
                        throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "e-invoice-incomplete",
                                "The e-invoice lacks mandatory values", e.getMessage(), Map.of("errors", errors));
                    }
                });
    }
}
