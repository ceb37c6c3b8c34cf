package dev.kirana.order.saga;

import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.order.gst.FinancialYear;
import dev.kirana.order.loyalty.LoyaltyPoints;
import dev.kirana.order.numbering.DocumentSeries;
import dev.kirana.order.order.Order;
import dev.kirana.order.order.OrderRepository;
import dev.kirana.order.order.OrderStatusWatch;
import dev.kirana.order.settings.OrderProperties;
import dev.kirana.order.shop.ShopDirectory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/** The saga's steps against the service's database and outbox. */
@Configuration(proxyBeanMethods = false)
class SagaSteps implements OrderSaga.Steps {
    private final OrderRepository orders;
    private final ShopDirectory shops;
    private final DocumentSeries series;
    private final LoyaltyPoints loyalty;
    private final OutboxWriter outbox;
    private final TransactionalOperator tx;
    private final OrderStatusWatch watch;

    SagaSteps(OrderRepository orders, ShopDirectory shops, DocumentSeries series, LoyaltyPoints loyalty, OutboxWriter outbox,
              TransactionalOperator tx, OrderStatusWatch watch) {
        this.orders = orders;
        this.shops = shops;
        this.series = series;
        this.loyalty = loyalty;
        this.outbox = outbox;
        this.tx = tx;
        this.watch = watch;
    }

    @Bean
    OrderSaga orderSaga(OrderProperties props) {
        return new OrderSaga(this, props.shopZone());
    }

    @Override
    public Mono<Order> lock(String shopId, UUID orderId) {
        return orders.lockOrder(shopId, orderId);
    }

    @Override
    public Flux<OrderRepository.InShop> lockOverdue(int batch) {
        return orders.lockOverdue(batch);
    }

    @Override
    public Mono<OrderSaga.Terms> terms(String shopId) {
        return shops.profile(shopId).map(s -> new OrderSaga.Terms(s.invoicePrefix(), s.fyStartMonth(), s.loyaltyPointsPer100(),
                s.loyaltyPointValue()));
    }

    @Override
    public Mono<String> nextInvoiceNumber(String shopId, String prefix, FinancialYear year) {
        return series.next(shopId, prefix, DocumentSeries.Kind.INVOICE, year);
    }

    @Override
    public Mono<Void> save(String shopId, Order order) {
        // once the step's transaction commits, a request waiting on this order answers with it as saved, unread
        return orders.save(shopId, order).then(TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(sync -> {
                    sync.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return Mono.fromRunnable(() -> watch.committed(order));
                        }
                    });
                    return Mono.<Void>empty();
                })
                .onErrorResume(NoTransactionException.class, e -> Mono.empty()));
    }

    @Override
    public Mono<Void> earnPoints(String shopId, String phone, long points, UUID orderId) {
        return loyalty.earn(shopId, phone, points, orderId);
    }

    @Override
    public Mono<Void> returnHeldPoints(String shopId, String phone, long points, UUID orderId) {
        return loyalty.returnRedemption(shopId, phone, points, orderId);
    }

    @Override
    public Mono<Void> publish(String shopId, UUID orderId, String type, Object event) {
        return outbox.append(Topics.ORDER, type, orderId.toString(), shopId, event).then();
    }

    @Override
    public <T> Mono<T> inTransaction(Mono<T> work) {
        return tx.transactional(work);
    }

    @Override
    public void changed(UUID orderId) {
        watch.changed(orderId);
    }

    @Override
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
