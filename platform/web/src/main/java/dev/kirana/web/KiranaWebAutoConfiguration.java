package dev.kirana.web;

import dev.kirana.web.idempotency.IdempotencyKeys;
import dev.kirana.web.problem.ProblemHandler;
import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.models.Components;
import io.micrometer.observation.ObservationPredicate;
import java.math.BigDecimal;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/** Problem+json, request ids, the OpenAPI description and idempotency keys for every service. */
@AutoConfiguration(afterName = {"org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "dev.kirana.messaging.MessagingAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class KiranaWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemHandler kiranaProblemHandler() {
        return new ProblemHandler();
    }

    /** Money leaves every service as a decimal string ("245.00"), never a binary floating-point number. */
    @Bean
    JsonMapperBuilderCustomizer kiranaMoneyAsDecimalString() {
        return builder -> builder.withConfigOverride(BigDecimal.class,
                o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)));
    }

    /** No string of a request body may hold the NUL character (a 400 naming the field). */
    @Bean
    JsonMapperBuilderCustomizer kiranaNulText() {
        return builder -> builder.addModule(NulText.jacksonModule());
    }

    /** Decimals in and out are plain ("1000000000", never "1E+9"): exponents in a request are a 400 naming the field. */
    @Bean
    JsonMapperBuilderCustomizer kiranaPlainDecimals() {
        return builder -> builder.addModule(PlainDecimal.jacksonModule())
                .enable(tools.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /** Nor may the path or a query parameter. */
    @Bean
    @ConditionalOnMissingBean
    NulText.Filter kiranaNulTextFilter() {
        return new NulText.Filter();
    }

    /** An over-long URI or oversized headers: a 414 or 431 problem, not the HTTP server's bare status. */
    @Bean
    @ConditionalOnMissingBean
    RequestSizeLimits kiranaRequestSizeLimits(@Value("${kirana.web.max-uri-length:8KB}") org.springframework.util.unit.DataSize maxUri,
                                              @Value("${kirana.web.max-header-size:16KB}") org.springframework.util.unit.DataSize maxHeaders) {
        return new RequestSizeLimits(maxUri, maxHeaders);
    }

    @Bean
    @ConditionalOnMissingBean
    RequestIdFilter kiranaRequestIdFilter() {
        return new RequestIdFilter();
    }

    /**
     * Probes and scrapes ({@code /actuator/**}, several a minute per pod) are neither traced nor timed as requests:
     * they would be most of the traces and none of the questions.
     */
    @Bean
    ObservationPredicate kiranaNoActuatorObservations() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getPath().value().startsWith("/actuator"));
    }

    /** Every route answers within {@code kirana.web.request-timeout} (503 problem+json otherwise). */
    @Bean
    @ConditionalOnMissingBean
    RequestTimeLimitFilter kiranaRequestTimeLimitFilter(@Value("${kirana.web.request-timeout:30s}") java.time.Duration limit,
                                                        org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        return new RequestTimeLimitFilter(limit, meters.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI kiranaOpenApi(@Value("${spring.application.name}") String name,
                          @Value("${kirana.api.description:Kirana ${spring.application.name} API}") String description) {
        return new OpenAPI()
                .info(new Info().title("Kirana " + name).version("v1").description(description))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                // relative: the service itself, or the gateway that serves this document at /v3/api-docs/<service>
                .addServersItem(new io.swagger.v3.oas.models.servers.Server().url("/")
                        .description("this service, or the gateway in front of it"));
    }

    /** The document says what the service does: problem+json answers, decimals as strings, nullable optionals, public paths. */
    @Bean
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    @ConditionalOnMissingBean
    OpenApiConventions kiranaOpenApiConventions(org.springframework.beans.factory.ObjectProvider<dev.kirana.web.security.SecurityProperties> security) {
        dev.kirana.web.security.SecurityProperties props = security.getIfAvailable();
        return new OpenApiConventions(props == null ? java.util.List.of() : props.publicPaths());
    }

    /** Each read operation's OpenAPI entry says which roles and partner scope may call it. */
    @Bean
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OperationCustomizer")
    @ConditionalOnMissingBean
    dev.kirana.web.security.AccessDocs kiranaAccessDocs() {
        return new dev.kirana.web.security.AccessDocs();
    }

    /**
     * Every database session has limits, so no statement, lock wait or forgotten transaction can hold a pool
     * connection (and its row locks) for ever: PostgreSQL ends the statement, or the session that sits idle inside a
     * transaction, and the pool replaces the connection.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider",
            "org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer"})
    static class DatabaseSessionLimits {
        @Bean
        org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer kiranaSessionLimits(
                @Value("${kirana.db.statement-timeout:30s}") java.time.Duration statement,
                @Value("${kirana.db.lock-timeout:10s}") java.time.Duration lock,
                @Value("${kirana.db.idle-in-transaction-timeout:15s}") java.time.Duration idleInTransaction) {
            java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
            options.put("statement_timeout", statement.toMillis() + "ms");
            options.put("lock_timeout", lock.toMillis() + "ms");
            options.put("idle_in_transaction_session_timeout", idleInTransaction.toMillis() + "ms");
            return builder -> builder.option(io.r2dbc.spi.Option.valueOf("options"), options);
        }
    }

    /**
     * The audit trail in every service with an outbox (not the gateway): the caller's address (before the security
     * chain), every download (an attachment) as an export.downloaded record, and the audit log itself —
     * kirana.audit.recorded.v1 events that auth-service chains (auth-service has its own, which appends directly).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.kirana.messaging.OutboxWriter")
    static class Audit {
        @Bean
        @ConditionalOnMissingBean
        dev.kirana.web.audit.AuditContextFilter kiranaAuditContextFilter() {
            return new dev.kirana.web.audit.AuditContextFilter();
        }

        @Bean
        @ConditionalOnMissingBean
        dev.kirana.web.audit.ExportAuditFilter kiranaExportAuditFilter(
                org.springframework.beans.factory.ObjectProvider<dev.kirana.web.audit.AuditLog> audit) {
            return new dev.kirana.web.audit.ExportAuditFilter(audit);
        }

        @Bean
        @ConditionalOnMissingBean(dev.kirana.web.audit.AuditLog.class)
        @ConditionalOnBean(type = "dev.kirana.messaging.OutboxWriter")
        dev.kirana.web.audit.AuditLog kiranaAuditLog(dev.kirana.messaging.OutboxWriter outbox,
                                                     org.springframework.beans.factory.ObjectProvider<java.time.Clock> clock) {
            return new dev.kirana.web.audit.OutboxAuditLog(outbox, clock.getIfAvailable(java.time.Clock::systemUTC));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DatabaseClient.class)
    static class Idempotency {
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean({DatabaseClient.class, ReactiveTransactionManager.class})
        IdempotencyKeys idempotencyKeys(DatabaseClient db, ReactiveTransactionManager txManager, JsonMapper json) {
            return new IdempotencyKeys(db, TransactionalOperator.create(txManager), json);
        }
    }
}
