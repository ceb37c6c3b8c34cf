package dev.kirana.messaging;

import dev.kirana.events.KiranaEvents;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
import reactor.util.retry.Retry;

/**
 * Publishes outbox rows to Kafka, oldest first, and marks them sent.
 * <p>
 * One batch is one transaction: lock unsent rows ({@code FOR UPDATE SKIP LOCKED}) and mark them sent in one statement,
 * send them all, wait for every acknowledgement, commit. If the process dies anywhere in between
 * the transaction rolls back (and with it the marks) and the rows are sent again by the next relay: delivery is at least
 * once, and consumers dedup by event id (the inbox). A transaction-scoped advisory lock lets only one
 * relay of a service publish at a time, which keeps events in order per key across replicas (rows go out
 * in {@code seq} order, which is commit order for one aggregate as long as its writers update the
 * aggregate's row, and so queue behind each other, before appending). A batch stops sending at its first
 * failed record, so after a crash the first copy of every event is still in order per key.
 * <p>
 * It wakes on {@code NOTIFY kirana_outbox} (a dedicated connection, re-opened with backoff when it is
 * lost) and also polls, in case a notification is lost. It purges sent rows older than the retention
 * every {@code purge-interval}. Stopping lets the batch in flight finish (bounded by the send timeout)
 * instead of cancelling its transaction.
 * <p>
 * Metrics: {@code kirana.outbox.published} (events acknowledged and marked), {@code kirana.outbox.failures}
 * (failed batches), {@code kirana.outbox.lag} (event time to acknowledgement),
 * {@code kirana.outbox.oldest.unsent.age} (seconds; grows while the relay is stuck), {@code kirana.outbox.purged}.
 */
public class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6b6972616e61L; // "kirana"
    private static final int PURGE_CHUNK = 10_000;
    private static final Duration MAX_LISTEN_BACKOFF = Duration.ofSeconds(30);

    private final ConnectionFactory connectionFactory;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final EventPublisher publisher;
    private final OutboxProperties props;
    private final Counter published;
    private final Counter failedBatches;
    private final Counter purged;
    private final Timer lag;
    /** Event time of the oldest row still unsent at the last batch; null when the last batch emptied the outbox. */
    private final AtomicReference<OffsetDateTime> oldestUnsent = new AtomicReference<>();
    private final Sinks.Many<Boolean> wake = Sinks.many().multicast().directBestEffort();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile long nextPurgeNanos;
    private volatile Sinks.One<Boolean> stopRequested = Sinks.one();
    private volatile Sinks.Empty<Void> loopTerminated = Sinks.empty();
    private volatile Disposable loop;
    private volatile Disposable listener;

    public OutboxRelay(ConnectionFactory connectionFactory, DatabaseClient db, TransactionalOperator tx,
                       EventPublisher publisher, OutboxProperties props, MeterRegistry meters) {
        this.connectionFactory = connectionFactory;
        this.db = db;
        this.tx = tx;
        this.publisher = publisher;
        this.props = props;
        this.published = Counter.builder("kirana.outbox.published").description("events relayed to Kafka").register(meters);
        this.failedBatches = Counter.builder("kirana.outbox.failures").description("outbox batches that failed and will be retried").register(meters);
        this.purged = Counter.builder("kirana.outbox.purged").description("sent outbox rows removed after the retention").register(meters);
        this.lag = Timer.builder("kirana.outbox.lag").description("from an event's time to the broker's acknowledgement").register(meters);
        Gauge.builder("kirana.outbox.oldest.unsent.age", this, OutboxRelay::oldestUnsentSeconds)
                .description("age of the oldest event the relay has not published yet")
                .baseUnit("seconds")
                .strongReference(true)
                .register(meters);
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        stopping = false;
        nextPurgeNanos = System.nanoTime();
        Sinks.One<Boolean> stop = Sinks.one();
        Sinks.Empty<Void> terminated = Sinks.empty();
        stopRequested = stop;
        loopTerminated = terminated;
        listener = listen().subscribe(null, e -> log.error("outbox relay: LISTEN gave up, polling only: {}", e.toString()));
        loop = Flux.merge(Flux.interval(Duration.ZERO, props.pollInterval()), wake.asFlux())
                .takeUntilOther(stop.asMono())
                .onBackpressureLatest()
                .concatMap(tick -> cycle(), 1)
                .doFinally(signal -> terminated.tryEmitEmpty())
                .subscribe(null, e -> log.error("outbox relay stopped on an unexpected error", e));
        log.info("outbox relay started: batches of {}, polling every {}", props.batchSize(), props.pollInterval());
    }

    /** One wake-up: publish everything unsent, then purge if it is time. Never errors, so the loop survives. */
    private Mono<Void> cycle() {
        if (stopping) {
            return Mono.empty();
        }
        return drain()
                .onErrorResume(e -> {
                    log.warn("outbox relay: batch failed, rows stay unsent and will be retried: {}", e.toString());
                    return stopping ? Mono.empty() : Mono.delay(props.retryBackoff()).thenReturn(0);
                })
                .then(purgeIfDue());
    }

    /** Publishes batches until the outbox has nothing unsent (or the relay is stopping). Emits the number of events published. */
    public Mono<Integer> drain() {
        return publishBatch()
                .expand(n -> n >= props.batchSize() && !stopping ? publishBatch() : Mono.empty())
                .reduce(0, Integer::sum);
    }

    /** One transaction: lock and mark up to batchSize unsent rows, send them, commit once all are acknowledged. Emits how many were published. */
    public Mono<Integer> publishBatch() {
        Mono<List<OutboxRow>> work = claimRows().flatMap(this::send);
        return tx.transactional(work)
                .doOnNext(this::committed)
                .doOnError(e -> failedBatches.increment())
                .map(List::size);
    }

    /**
     * One round trip: takes the relay lock (evaluated once, as a materialised CTE), locks the oldest unsent rows and marks
     * them sent, returning them. While another relay holds the lock no row comes back. The mark is undone if the batch
     * fails (its transaction rolls back), and {@code now()} is the transaction's time, so marking before sending records
     * what marking after the acknowledgements did. The rows are chosen under a snapshot taken just before the lock: a row
     * that relay marked and committed meanwhile is re-checked by {@code FOR UPDATE} against its newest version and left
     * out, so nothing is sent twice in order.
     */
    private Mono<List<OutboxRow>> claimRows() {
        return db.sql("""
                        WITH relay AS MATERIALIZED (SELECT pg_try_advisory_xact_lock(%d) AS locked),
                             next AS (SELECT seq FROM relay, kirana_outbox
                                      WHERE relay.locked AND sent_at IS NULL ORDER BY seq LIMIT :n FOR UPDATE OF kirana_outbox SKIP LOCKED)
                        UPDATE kirana_outbox o SET sent_at = now() FROM next WHERE o.seq = next.seq
                        RETURNING o.seq, o.event_id, o.topic, o.record_key, o.event_type, o.source, o.subject, o.shop_id,
                                  o.occurred_at, o.data, o.traceparent, o.tracestate, o.request_id"""
                        .formatted(RELAY_LOCK))
                .bind("n", props.batchSize())
                .map((r, m) -> new OutboxRow(
                        r.get("seq", Long.class),
                        r.get("event_id", UUID.class).toString(),
                        r.get("topic", String.class),
                        r.get("record_key", String.class),
                        r.get("event_type", String.class),
                        r.get("source", String.class),
                        r.get("subject", String.class),
                        r.get("shop_id", String.class),
                        r.get("occurred_at", OffsetDateTime.class),
                        r.get("data", byte[].class),
                        r.get("traceparent", String.class),
                        r.get("tracestate", String.class),
                        r.get("request_id", String.class)))
                .all()
                // RETURNING keeps no order: the batch goes out in seq order
                .sort(Comparator.comparingLong(OutboxRow::seq))
                .collectList();
    }

    private Mono<List<OutboxRow>> send(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            oldestUnsent.set(null);
            return Mono.just(rows);
        }
        oldestUnsent.set(rows.get(0).occurredAt());
        AtomicBoolean abandoned = new AtomicBoolean();
        // send() can block on metadata, so it runs off the event loop; records go out in seq order
        return Mono.fromCallable(() -> sendInOrder(rows, abandoned))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnCancel(() -> abandoned.set(true))
                .flatMap(Mono::fromFuture)
                .timeout(props.sendTimeout())
                .thenReturn(rows);
    }

    /**
     * Hands the rows to the producer in order and returns a future of all their acknowledgements.
     * Stops at the first record that fails (or when the batch was abandoned): sending the records behind
     * it would put them on the topic ahead of it, and the whole batch is sent again anyway.
     */
    private CompletableFuture<Void> sendInOrder(List<OutboxRow> rows, AtomicBoolean abandoned) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        AtomicReference<Throwable> failed = new AtomicReference<>();
        for (OutboxRow row : rows) {
            if (abandoned.get() || Thread.currentThread().isInterrupted()) {
                return CompletableFuture.failedFuture(new CancellationException(
                        "batch abandoned after " + acks.size() + " of " + rows.size() + " records"));
            }
            if (failed.get() != null) {
                return CompletableFuture.failedFuture(failed.get());
            }
            CompletableFuture<?> ack = publisher.publish(row.toRecord());
            ack.whenComplete((result, e) -> {
                if (e != null) {
                    failed.compareAndSet(null, e);
                }
            });
            acks.add(ack);
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    /** Counts a batch once its transaction committed, not before. */
    private void committed(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        published.increment(rows.size());
        OffsetDateTime now = OffsetDateTime.now();
        for (OutboxRow row : rows) {
            lag.record(Duration.between(row.occurredAt(), now));
        }
        if (rows.size() < props.batchSize()) {
            oldestUnsent.set(null);
        }
    }

    private double oldestUnsentSeconds() {
        OffsetDateTime oldest = oldestUnsent.get();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, OffsetDateTime.now()).toMillis() / 1000.0);
    }

    /** Removes rows sent longer ago than the retention, in chunks; the topic is the record from then on. */
    public Mono<Long> purgeSent() {
        return purgeChunk()
                .expand(n -> n >= PURGE_CHUNK ? purgeChunk() : Mono.empty())
                .reduce(0L, Long::sum)
                .doOnNext(purged::increment);
    }

    private Mono<Long> purgeChunk() {
        return db.sql("""
                        DELETE FROM kirana_outbox WHERE seq IN (
                            SELECT seq FROM kirana_outbox
                            WHERE sent_at IS NOT NULL AND sent_at < now() - make_interval(secs => :secs)
                            LIMIT :n)""")
                .bind("secs", (double) props.retention().toSeconds())
                .bind("n", PURGE_CHUNK)
                .fetch().rowsUpdated();
    }

    private Mono<Void> purgeIfDue() {
        long now = System.nanoTime();
        if (stopping || now - nextPurgeNanos < 0) {
            return Mono.empty();
        }
        nextPurgeNanos = now + props.purgeInterval().toNanos();
        return purgeSent()
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("outbox relay: purged {} rows sent more than {} ago", n, props.retention());
                    }
                })
                .onErrorResume(e -> {
                    log.warn("outbox relay: purge failed, will try again in {}: {}", props.purgeInterval(), e.toString());
                    return Mono.empty();
                })
                .then();
    }

    /**
     * LISTEN on a connection of its own (not one borrowed from the pool), re-opened with backoff whenever it
     * fails or closes; every (re)connect wakes the relay, since notifications sent meanwhile were lost.
     */
    private Flux<Boolean> listen() {
        ConnectionFactory unpooled = unpooled(connectionFactory);
        return Flux.usingWhen(unpooled.create(), this::listenOn, Connection::close)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, props.retryBackoff())
                        .maxBackoff(MAX_LISTEN_BACKOFF)
                        .transientErrors(true)
                        .filter(e -> running.get())
                        .doBeforeRetry(s -> log.warn("outbox relay: LISTEN connection lost ({}); re-opening it, polling every {} meanwhile",
                                s.failure().toString(), props.pollInterval())));
    }

    private Flux<Boolean> listenOn(Connection connection) {
        PostgresqlConnection pg = postgres(connection);
        if (pg == null) {
            log.info("outbox relay: LISTEN/NOTIFY unavailable ({}), polling every {}", connection.getClass().getName(), props.pollInterval());
            return Flux.empty();
        }
        Mono<Boolean> listening = pg.createStatement("LISTEN " + OutboxWriter.CHANNEL).execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .then(Mono.fromCallable(() -> {
                    log.debug("outbox relay: listening on {}", OutboxWriter.CHANNEL);
                    return true;
                }));
        // subscribe to notifications before LISTEN runs, so none sent right after it is missed
        return Flux.merge(pg.getNotifications().map(n -> true), listening)
                .doOnNext(n -> wakeUp())
                .concatWith(Mono.error(() -> new IllegalStateException("LISTEN connection closed")));
    }

    private void wakeUp() {
        synchronized (wake) {
            wake.tryEmitNext(true);
        }
    }

    private static ConnectionFactory unpooled(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof Wrapped<?> w && w.unwrap() instanceof ConnectionFactory inner && inner != current) {
            current = inner;
        }
        return current;
    }

    private static PostgresqlConnection postgres(Connection connection) {
        Object current = connection;
        while (true) {
            if (current instanceof PostgresqlConnection pg) {
                return pg;
            }
            if (current instanceof Wrapped<?> w && w.unwrap() != null && w.unwrap() != current) {
                current = w.unwrap();
            } else {
                return null;
            }
        }
    }

    /** Stops waking up and waits (up to the send timeout) for the batch in flight to commit or roll back. */
    @Override
    public void stop() {
        CountDownLatch done = new CountDownLatch(1);
        stop(done::countDown);
        try {
            done.await(stopGrace().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop(Runnable callback) {
        if (!running.compareAndSet(true, false)) {
            callback.run();
            return;
        }
        stopping = true;
        Disposable l = listener;
        if (l != null) {
            l.dispose(); // closes the LISTEN connection
        }
        stopRequested.tryEmitValue(true);
        loopTerminated.asMono()
                .timeout(stopGrace())
                .onErrorResume(e -> {
                    log.warn("outbox relay: batch still in flight after {}, abandoning it; its rows stay unsent", stopGrace());
                    Disposable lp = loop;
                    if (lp != null) {
                        lp.dispose();
                    }
                    return Mono.empty();
                })
                .doFinally(s -> {
                    log.info("outbox relay stopped");
                    callback.run();
                })
                .subscribe();
    }

    private Duration stopGrace() {
        return props.sendTimeout().plus(props.retryBackoff());
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
                     String shopId, OffsetDateTime occurredAt, byte[] data, String traceparent, String tracestate,
                     String requestId) {
        /**
         * Binary mode: the event's attributes as headers, its trace ({@code ce_traceparent}, {@code ce_tracestate}) and
         * request id ({@code ce_requestid}) among them.
         */
        ProducerRecord<String, byte[]> toRecord() {
            CloudEvent event = KiranaEvents.withCorrelation(
                    KiranaEvents.event(eventId, type, source, subject, shopId, occurredAt, data), traceparent, tracestate, requestId);
            ProducerRecord<String, byte[]> record = KiranaEvents.toRecord(topic, key, event);
            // the plain W3C headers too, for consumers that propagate traces but do not read CloudEvents
            if (traceparent != null) {
                record.headers().add(EventTracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
                if (tracestate != null) {
                    record.headers().add(EventTracing.TRACESTATE, tracestate.getBytes(StandardCharsets.UTF_8));
                }
            }
            return record;
        }
    }
}
