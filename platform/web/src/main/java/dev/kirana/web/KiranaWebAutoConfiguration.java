package dev.kirana.web;

import dev.kirana.web.idempotency.IdempotencyKeys;
import dev.kirana.web.problem.ProblemHandler;
import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.models.Components;
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

    @Bean
    @ConditionalOnMissingBean
    RequestIdFilter kiranaRequestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI kiranaOpenApi(@Value("${spring.application.name}") String name,
                          @Value("${kirana.api.description:Kirana ${spring.application.name} API}") String description) {
        return new OpenAPI()
                .info(new Info().title("Kirana " + name).version("v1").description(description))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
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
