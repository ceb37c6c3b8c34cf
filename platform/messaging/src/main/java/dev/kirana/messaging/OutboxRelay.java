package dev.kirana.messaging;

import dev.kirana.events.KiranaEvents;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox rows to Kafka, oldest first, and marks them sent.
 * <p>
 * One batch is one transaction: lock unsent rows ({@code FOR UPDATE SKIP LOCKED}), send them all,
 * wait for every acknowledgement, mark them sent, commit. If the process dies anywhere in between
 * the transaction rolls back and the rows are sent again by the next relay: delivery is at least
 * once, and consumers dedup by event id (the inbox). A transaction-scoped advisory lock lets only one
 * relay of a service publish at a time, which keeps events in order per key across replicas.
 * It wakes on {@code NOTIFY kirana_outbox} and also polls, in case a notification is lost.
 */
public class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6b6972616e61L; // "kirana"

    private final ConnectionFactory connectionFactory;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final EventPublisher publisher;
    private final OutboxProperties props;
    private final Counter published;
    private final Sinks.Many<Boolean> wake = Sinks.many().multicast().directBestEffort();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Disposable loop;
    private volatile Connection listenConnection;

    public OutboxRelay(ConnectionFactory connectionFactory, DatabaseClient db, TransactionalOperator tx,
                       EventPublisher publisher, OutboxProperties props, MeterRegistry meters) {
        this.connectionFactory = connectionFactory;
        this.db = db;
        this.tx = tx;
        this.publisher = publisher;
        this.props = props;
        this.published = Counter.builder("kirana.outbox.published").description("events relayed to Kafka").register(meters);
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        listen();
        Flux<Boolean> ticks = Flux.merge(
                Flux.interval(Duration.ZERO, props.pollInterval()).map(t -> true),
                wake.asFlux());
        loop = ticks.onBackpressureLatest()
                .concatMap(t -> drain().onErrorResume(e -> {
                    log.warn("outbox relay batch failed, will retry: {}", e.toString());
                    return Mono.delay(props.retryBackoff()).thenReturn(0);
                }), 1)
                .subscribe();
    }

    /** Publishes batches until the outbox has nothing unsent. Emits the number of events published. */
    public Mono<Integer> drain() {
        return publishBatch()
                .expand(n -> n >= props.batchSize() && running.get() ? publishBatch() : Mono.empty())
                .reduce(0, Integer::sum);
    }

    /** One transaction: lock up to batchSize unsent rows, send them, mark them sent. */
    public Mono<Integer> publishBatch() {
        Mono<Integer> work = db.sql("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ") AS locked")
                .map(r -> Boolean.TRUE.equals(r.get("locked", Boolean.class)))
                .one()
                .flatMap(locked -> locked ? lockRows().collectList().flatMap(this::sendAndMark) : Mono.just(0));
        return tx.transactional(work);
    }

    private Flux<OutboxRow> lockRows() {
        return db.sql("""
                        SELECT seq, event_id, topic, record_key, event_type, source, subject, shop_id, occurred_at, data
                        FROM kirana_outbox WHERE sent_at IS NULL ORDER BY seq LIMIT :n FOR UPDATE SKIP LOCKED""")
                .bind("n", props.batchSize())
                .map((r, m) -> new OutboxRow(
                        r.get("seq", Long.class),
                        r.get("event_id", java.util.UUID.class).toString(),
                        r.get("topic", String.class),
                        r.get("record_key", String.class),
                        r.get("event_type", String.class),
                        r.get("source", String.class),
                        r.get("subject", String.class),
                        r.get("shop_id", String.class),
                        r.get("occurred_at", OffsetDateTime.class),
                        r.get("data", byte[].class)))
                .all();
    }

    private Mono<Integer> sendAndMark(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0);
        }
        // send() can block on metadata, so it runs off the event loop; records go out in seq order
        return Mono.fromCallable(() -> {
                    List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
                    for (OutboxRow row : rows) {
                        acks.add(publisher.publish(row.toRecord()));
                    }
                    return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::fromFuture)
                .timeout(props.sendTimeout())
                .then(db.sql("UPDATE kirana_outbox SET sent_at = now() WHERE seq = ANY(:seqs)")
                        .bind("seqs", rows.stream().map(OutboxRow::seq).toArray(Long[]::new))
                        .fetch().rowsUpdated())
                .doOnNext(n -> published.increment(n))
                .thenReturn(rows.size());
    }

    /** Removes rows sent longer ago than the retention; the topic is the record from then on. */
    public Mono<Long> purgeSent() {
        return db.sql("DELETE FROM kirana_outbox WHERE sent_at < now() - make_interval(secs => :secs)")
                .bind("secs", (double) props.retention().toSeconds())
                .fetch().rowsUpdated();
    }

    private void listen() {
        ConnectionFactory raw = connectionFactory instanceof Wrapped<?> w && w.unwrap() instanceof ConnectionFactory cf
                ? cf : connectionFactory;
        Mono.from(raw.create())
                .flatMap(c -> {
                    listenConnection = c;
                    if (!(c instanceof PostgresqlConnection pg)) {
                        log.info("outbox relay: LISTEN unavailable, polling every {}", props.pollInterval());
                        return Mono.empty();
                    }
                    pg.getNotifications().subscribe(n -> wake.tryEmitNext(true));
                    return pg.createStatement("LISTEN " + OutboxWriter.CHANNEL).execute()
                            .flatMap(r -> r.getRowsUpdated()).then();
                })
                .subscribe(null, e -> log.warn("outbox relay: LISTEN failed, polling instead: {}", e.toString()));
    }

    @Override
    public void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        Disposable l = loop;
        if (l != null) {
            l.dispose();
        }
        Connection c = listenConnection;
        if (c != null) {
            Mono.from(c.close()).subscribe(null, e -> { });
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    @Override
    public int getPhase() {
        // start after the web server and stop before the connection pool goes away
        return Integer.MAX_VALUE - 100;
    }

    record OutboxRow(long seq, String eventId, String topic, String key, String type, String source, String subject,
                     String shopId, OffsetDateTime occurredAt, byte[] data) {
        ProducerRecord<String, byte[]> toRecord() {
            CloudEvent event = KiranaEvents.event(eventId, type, source, subject, shopId, occurredAt, data);
            return KiranaEvents.toRecord(topic, key, event);
        }
    }
}
