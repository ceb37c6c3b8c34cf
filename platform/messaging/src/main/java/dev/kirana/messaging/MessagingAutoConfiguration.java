package dev.kirana.messaging;

import dev.kirana.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.r2dbc.spi.ConnectionFactory;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.StringUtils;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.core.JacksonException;

/**
 * The suite's one way to move events: outbox + relay, inbox, Kafka clients (idempotent producer,
 * acks=all, manual offsets after the handler's transaction), bounded retries and dead-letter topics,
 * a Kafka readiness check, and the platform tables' migrations.
 */
@AutoConfiguration(
        beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        afterName = {"org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
                "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration"})
@EnableConfigurationProperties({OutboxProperties.class, MessagingProperties.class})
public class MessagingAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);
    /** Platform tables (outbox, inbox, idempotency keys) have their own migration history, applied before the service's. */
    public static final String PLATFORM_MIGRATIONS = "classpath:db/kirana-platform";

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy kiranaFlywayMigrationStrategy() {
        return flyway -> {
            Flyway.configure(flyway.getConfiguration().getClassLoader())
                    .configuration(flyway.getConfiguration())
                    .locations(PLATFORM_MIGRATIONS)
                    .table("kirana_platform_history")
                    .outOfOrder(true)
                    // the two histories share one schema: each baselines at 0 so all of its own versions still run
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            Flyway.configure(flyway.getConfiguration().getClassLoader())
                    .configuration(flyway.getConfiguration())
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        };
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaProducerFactory")
    DefaultKafkaProducerFactory<String, byte[]> kafkaProducerFactory(KafkaProperties kafka,
            ObjectProvider<KafkaConnectionDetails> connectionDetails,
            ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        Map<String, Object> cfg = new HashMap<>(kafka.buildProducerProperties());
        connectionDetails.ifAvailable(d -> applyConnectionDetails(cfg, d.getProducer()));
        cfg.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        cfg.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        cfg.put(ProducerConfig.ACKS_CONFIG, "all");
        cfg.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // no lingering: the outbox relay hands the producer a whole batch at once and waits for its acknowledgements,
        // so a linger only delays every hop of the saga (2 ms cost 3 ms per hop and more CPU: p50 placement 25.6 → 17.9 ms
        // at 20/s with 0, bench/results/20261204-021935-full.md); spring.kafka.producer.properties.linger.ms overrides
        cfg.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        var factory = new DefaultKafkaProducerFactory<String, byte[]>(cfg);
        // e.g. Boot's Kafka client metrics
        customizers.orderedStream().forEach(c -> c.customize(factory));
        return factory;
    }

    /**
     * Declared with wildcards, as Boot declares its own: the listener container factory asks for a
     * {@code ConsumerFactory<Object, Object>} and would otherwise not see this one and build its own with
     * String values (the listener then gets Strings, and dead-lettering them fails forever).
     */
    @Bean
    @ConditionalOnMissingBean(name = "kafkaConsumerFactory")
    DefaultKafkaConsumerFactory<?, ?> kafkaConsumerFactory(KafkaProperties kafka,
            ObjectProvider<KafkaConnectionDetails> connectionDetails,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        Map<String, Object> cfg = new HashMap<>(kafka.buildConsumerProperties());
        connectionDetails.ifAvailable(d -> applyConnectionDetails(cfg, d.getConsumer()));
        cfg.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        cfg.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        cfg.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cfg.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var factory = new DefaultKafkaConsumerFactory<String, byte[]>(cfg);
        customizers.orderedStream().forEach(c -> c.customize(factory));
        return factory;
    }

    /** What Boot applies to its own Kafka clients: where the brokers are and how to reach them. */
    private static void applyConnectionDetails(Map<String, Object> cfg, KafkaConnectionDetails.Configuration details) {
        cfg.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, details.getBootstrapServers());
        if (StringUtils.hasLength(details.getSecurityProtocol())) {
            cfg.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, details.getSecurityProtocol());
        }
        SslBundle ssl = details.getSslBundle();
        if (ssl != null) {
            cfg.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
            cfg.put(SslBundle.class.getName(), ssl);
        }
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaTemplate")
    KafkaTemplate<String, byte[]> kafkaTemplate(DefaultKafkaProducerFactory<String, byte[]> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher kiranaEventPublisher(KafkaTemplate<String, byte[]> kafkaTemplate) {
        return kafkaTemplate::send;
    }

    /**
     * Offsets are committed without waiting for the broker's answer: the next poll does not wait a round trip after every
     * record. A commit lost in a crash only means the last records come again, which the inbox acknowledges without a
     * second effect; {@code kirana.messaging.sync-commits=true} waits for each commit.
     */
    @Bean
    @ConditionalOnProperty(name = "kirana.messaging.sync-commits", havingValue = "false", matchIfMissing = true)
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> kiranaAsyncCommits() {
        return container -> container.getContainerProperties().setSyncCommits(false);
    }

    /**
     * Bounded retries, then the record goes to {@code <topic>.dlq} and the partition moves on. Every
     * dead-lettered record is logged and counted ({@code kirana.messaging.dead-lettered}, by topic). A record that
     * fails because the database cannot be reached ({@link Outages}) is not the record's fault: it is retried, doubling
     * up to {@code kirana.messaging.outage-retry-max-interval} between tries, until the database is back.
     */
    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler kiranaErrorHandler(KafkaTemplate<String, byte[]> kafkaTemplate, MessagingProperties props,
                                           ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        var deadLetters = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, e) -> {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            log.warn("dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(), record.key(),
                    cause.toString());
            deadLetters.accept(record, consumer, e);
            registry.counter("kirana.messaging.dead-lettered", "topic", record.topic()).increment();
        };
        var handler = new DefaultErrorHandler(recoverer, new FixedBackOff(props.retryInterval().toMillis(), props.maxRetries()));
        handler.setBackOffFunction((record, e) -> Outages.isOutage(e)
                ? Outages.untilBack(props.retryInterval(), props.outageRetryMaxInterval()) : null);
        // a record that failed in an outage and then fails for itself gets the bounded retries again
        handler.setResetStateOnExceptionChange(true);
        // retrying cannot fix these: a record that is not a CloudEvent, event data that does not parse
        handler.addNotRetryableExceptions(PoisonMessageException.class, DeserializationException.class,
                IllegalArgumentException.class, JacksonException.class);
        return handler;
    }

    /**
     * The topics this service publishes, and the dead-letter twins of those it consumes (each once), with the
     * configured partitions, replication factor, {@code min.insync.replicas} and retention (event topics for ever,
     * dead letters 30 days). A topic that already exists keeps its partitions' replicas (Kafka cannot change them at
     * creation; see the README on raising them), but its {@code min.insync.replicas} and {@code retention.ms} are
     * brought to the configured values ({@link #kiranaTopicConfigs}).
     */
    @Bean
    KafkaAdmin.NewTopics kiranaTopics(MessagingProperties props) {
        return new KafkaAdmin.NewTopics(topics(props).toArray(NewTopic[]::new));
    }

    static List<NewTopic> topics(MessagingProperties props) {
        if (props.replicationFactor() < 1 || props.minInsyncReplicas() < 1) {
            throw new IllegalStateException("kirana.messaging.replication-factor and min-insync-replicas must be at least 1");
        }
        if (props.minInsyncReplicas() > props.replicationFactor()) {
            throw new IllegalStateException("kirana.messaging.min-insync-replicas (" + props.minInsyncReplicas()
                    + ") exceeds replication-factor (" + props.replicationFactor() + "): with acks=all no write could ever succeed");
        }
        Set<String> names = new LinkedHashSet<>(props.publishes());
        props.consumes().forEach(t -> names.add(Topics.deadLetter(t)));
        return names.stream()
                .map(t -> new NewTopic(t, props.partitions(), props.replicationFactor())
                        .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(props.minInsyncReplicas()),
                                TopicConfig.RETENTION_MS_CONFIG, props.retentionMs(t))))
                .toList();
    }

    /** Existing topics get the configured min.insync.replicas too (a KafkaAdmin otherwise only creates missing topics). */
    @Bean
    static BeanPostProcessor kiranaTopicConfigs() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaAdmin admin) {
                    admin.setModifyTopicConfigs(true);
                }
                return bean;
            }
        };
    }

    @Bean
    KafkaReadinessIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaReadinessIndicator(admin);
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    /** Trace context across the outbox and Kafka, when the service has a tracer (platform/web brings one). */
    @Bean
    @ConditionalOnMissingBean
    EventTracing kiranaEventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                                    ObjectProvider<ObservationRegistry> observations) {
        return new EventTracing(tracer.getIfAvailable(), propagator.getIfAvailable(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxWriter outboxWriter(DatabaseClient db, @Value("${spring.application.name}") String source, EventTracing tracing,
                              @Value("${kirana.messaging.validate-events:false}") boolean validateEvents) {
        return new OutboxWriter(db, source, tracing, validateEvents ? new dev.kirana.events.EventSchemaValidator() : null);
    }

    @Bean
    @ConditionalOnMissingBean
    InboxProcessor inboxProcessor(DatabaseClient db, TransactionalOperator tx, MessagingProperties props, EventTracing tracing) {
        return new InboxProcessor(db, tx, props.handlerTimeout(), tracing, props.batchLockTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "kirana.outbox.relay-enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(ConnectionFactory connectionFactory, DatabaseClient db, TransactionalOperator tx,
                            EventPublisher publisher, OutboxProperties props, ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(connectionFactory, db, tx, publisher, props, meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
