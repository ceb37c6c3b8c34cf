package dev.kirana.messaging;

import dev.kirana.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.backoff.FixedBackOff;

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
    DefaultKafkaProducerFactory<String, byte[]> kafkaProducerFactory(KafkaProperties kafka) {
        Map<String, Object> cfg = new HashMap<>(kafka.buildProducerProperties());
        cfg.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        cfg.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        cfg.put(ProducerConfig.ACKS_CONFIG, "all");
        cfg.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        cfg.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        return new DefaultKafkaProducerFactory<>(cfg);
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaConsumerFactory")
    DefaultKafkaConsumerFactory<String, byte[]> kafkaConsumerFactory(KafkaProperties kafka) {
        Map<String, Object> cfg = new HashMap<>(kafka.buildConsumerProperties());
        cfg.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        cfg.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        cfg.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cfg.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new DefaultKafkaConsumerFactory<>(cfg);
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

    /** Bounded retries, then the record goes to {@code <topic>.dlq} and the partition moves on. */
    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler kiranaErrorHandler(KafkaTemplate<String, byte[]> kafkaTemplate, MessagingProperties props) {
        var recoverer = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        var handler = new DefaultErrorHandler(recoverer, new FixedBackOff(props.retryInterval().toMillis(), props.maxRetries()));
        handler.addNotRetryableExceptions(PoisonMessageException.class, DeserializationException.class,
                IllegalArgumentException.class);
        return handler;
    }

    @Bean
    KafkaAdmin.NewTopics kiranaTopics(MessagingProperties props) {
        List<NewTopic> topics = new ArrayList<>();
        for (String t : props.publishes()) {
            topics.add(new NewTopic(t, props.partitions(), props.replicationFactor()));
        }
        for (String t : props.consumes()) {
            topics.add(new NewTopic(Topics.deadLetter(t), props.partitions(), props.replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
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

    @Bean
    @ConditionalOnMissingBean
    OutboxWriter outboxWriter(DatabaseClient db, @Value("${spring.application.name}") String source) {
        return new OutboxWriter(db, source);
    }

    @Bean
    @ConditionalOnMissingBean
    InboxProcessor inboxProcessor(DatabaseClient db, TransactionalOperator tx, MessagingProperties props) {
        return new InboxProcessor(db, tx, props.handlerTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "kirana.outbox.relay-enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(ConnectionFactory connectionFactory, DatabaseClient db, TransactionalOperator tx,
                            EventPublisher publisher, OutboxProperties props, ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(connectionFactory, db, tx, publisher, props, meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
