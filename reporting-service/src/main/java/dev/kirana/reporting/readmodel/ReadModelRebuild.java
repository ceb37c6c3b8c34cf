package dev.kirana.reporting.readmodel;

import dev.kirana.backup.ShopPurge;
import dev.kirana.events.EventTypes;
import dev.kirana.events.Topics;
import dev.kirana.messaging.EventHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Rebuilds every read model from the topics: replays them from their first offset (the shop topic first) into the fresh schema
 * {@value ReadModelSchema#NEXT} (the same handlers as the live consumer, a few hundred events per transaction), then
 * pauses the live consumer, catches up with what arrived meanwhile, swaps the schemas in one transaction and resumes
 * it. The rebuilt schema's inbox holds every event it applied, so the live consumer, resuming from its own offsets,
 * skips what the rebuild already has. Nothing is lost or counted twice, and reports answer from the old tables until
 * the swap. A shop purged ({@code kirana.shop.purged.v1}) is purged again in the rebuilt schema before the swap: its
 * events are still on the topics, and replaying them would bring it back. One rebuild at a time; blocking, so it runs on
 * its own thread.
 */
@Component
public class ReadModelRebuild {
    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final int BATCH = 500;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final ProjectionBatch batch;
    private final Projection projection;
    private final ReadModelSchema.ReadModelMigrations migrations;
    private final ConsumerFactory<?, ?> consumers;
    private final KafkaListenerEndpointRegistry listeners;
    private final ShopPurge purge;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());
    /** The shops a running rebuild saw purged. */
    private final java.util.Set<String> purgedShops = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ReadModelRebuild(DatabaseClient db, ReactiveTransactionManager txManager, ProjectionBatch batch,
                            Projection projection, ReadModelSchema.ReadModelMigrations migrations,
                            ConsumerFactory<?, ?> consumers, KafkaListenerEndpointRegistry listeners, ShopPurge purge) {
        this.purge = purge.inSchema(ReadModelSchema.NEXT);
        this.db = db;
        this.tx = TransactionalOperator.create(txManager);
        this.batch = batch;
        this.projection = projection;
        this.migrations = migrations;
        this.consumers = consumers;
        this.listeners = listeners;
    }

    /** What the last (or the running) rebuild did. */
    public Status status() {
        return status.get();
    }

    /** Starts a rebuild on its own thread; false when one is already running. */
    public boolean start() {
        Status current = status.get();
        if (current.state() == State.RUNNING) {
            return false;
        }
        Status running = new Status(State.RUNNING, Instant.now(), null, 0, 0, null);
        if (!status.compareAndSet(current, running)) {
            return false;
        }
        Thread t = new Thread(this::run, "read-model-rebuild");
        t.setDaemon(true);
        t.start();
        return true;
    }

    private void run() {
        Instant started = status.get().startedAt();
        long[] counts = new long[2];
        purgedShops.clear();
        MessageListenerContainer live = listeners.getListenerContainer(LiveProjection.LISTENER_ID);
        boolean paused = false;
        try {
            ReadModelSchema.dropNext(db).block(Duration.ofMinutes(1));
            migrations.migrate(ReadModelSchema.NEXT);
            Map<String, EventHandler> handlers = projection.handlers(db);
            Properties props = new Properties();
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(BATCH));
            try (Consumer<?, ?> consumer = consumers.createConsumer(null, "read-model-rebuild", null, props)) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : LiveProjection.TOPICS) {
                    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                    if (infos != null) {
                        infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                    }
                }
                // shops first: a shop's time zone decides the day of everything it sold
                List<TopicPartition> shopPartitions = partitions.stream().filter(p -> p.topic().equals(Topics.SHOP)).toList();
                consumer.assign(shopPartitions);
                consumer.seekToBeginning(shopPartitions);
                Map<TopicPartition, Long> shopsEnd = consumer.endOffsets(shopPartitions);
                replay(consumer, shopsEnd, handlers, counts, started);
                consumer.assign(partitions);
                for (TopicPartition p : partitions) {
                    if (shopsEnd.containsKey(p)) {
                        consumer.seek(p, shopsEnd.get(p));
                    } else {
                        consumer.seekToBeginning(List.of(p));
                    }
                }
                replay(consumer, consumer.endOffsets(partitions), handlers, counts, started);
                // what arrived meanwhile: the live consumer stops between two events, the rest is replayed, then the swap
                if (live != null) {
                    live.pause();
                    paused = true;
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (!live.isContainerPaused() && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    if (!live.isContainerPaused()) {
                        throw new IllegalStateException("the live consumer did not pause within 60 s");
                    }
                }
                replay(consumer, consumer.endOffsets(partitions), handlers, counts, started);
            }
            for (String shop : purgedShops) {
                tx.transactional(purge.purge(shop)).block(Duration.ofMinutes(5));
            }
            tx.transactional(db.sql(ReadModelSchema.swapSql()).then()).block(Duration.ofMinutes(1));
            status.set(new Status(State.DONE, started, Instant.now(), counts[0], counts[1], null));
            log.info("read models rebuilt from the topics: {} events applied, {} skipped", counts[0], counts[1]);
        } catch (Exception e) {
            log.error("read model rebuild failed; the live read models are unchanged", e);
            status.set(new Status(State.FAILED, started, Instant.now(), counts[0], counts[1], String.valueOf(e.getMessage())));
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            if (paused) {
                live.resume();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void replay(Consumer<?, ?> consumer, Map<TopicPartition, Long> end, Map<String, EventHandler> handlers,
                        long[] counts, Instant started) {
        while (end.entrySet().stream().anyMatch(p -> consumer.position(p.getKey()) < p.getValue())) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            for (var r : consumer.poll(Duration.ofSeconds(1))) {
                Long stop = end.get(new TopicPartition(r.topic(), r.partition()));
                if (stop != null && r.offset() < stop) {
                    batch.add((ConsumerRecord<String, byte[]>) r);
                    var type = r.headers().lastHeader("ce_type");
                    var shop = r.headers().lastHeader("ce_" + dev.kirana.events.KiranaEvents.SHOP_ID);
                    if (type != null && shop != null && EventTypes.SHOP_PURGED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        purgedShops.add(new String(shop.value(), StandardCharsets.UTF_8));
                    }
                }
            }
            // records past the snapshot of one partition are read again after the next snapshot
            for (var p : end.entrySet()) {
                if (consumer.position(p.getKey()) > p.getValue()) {
                    consumer.seek(p.getKey(), p.getValue());
                }
            }
            apply(batch, handlers, counts);
            status.set(new Status(State.RUNNING, started, null, counts[0], counts[1], null));
        }
    }

    /** Applies the batch to the new schema; an event that cannot be applied is skipped, as the live consumer dead-letters it. */
    private void apply(List<ConsumerRecord<String, byte[]>> records, Map<String, EventHandler> handlers, long[] counts) {
        int from = 0;
        while (from < records.size()) {
            try {
                counts[0] += batch.apply(records, from, ReadModelSchema.NEXT, handlers);
                return;
            } catch (ProjectionBatch.Failed f) {
                log.warn("rebuild skips {}", f.getMessage());
                counts[1]++;
                from = f.index() + 1;
            }
        }
    }

    public enum State { IDLE, RUNNING, DONE, FAILED }

    /** {@code applied}: events replayed into the new tables; {@code skipped}: events that could not be applied. */
    public record Status(State state, Instant startedAt, Instant finishedAt, long applied, long skipped, String error) {
        static Status idle() {
            return new Status(State.IDLE, null, null, 0, 0, null);
        }
    }
}
