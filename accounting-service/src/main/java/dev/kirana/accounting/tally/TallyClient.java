package dev.kirana.accounting.tally;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Asks a shop's Tally for a ledger's closing balance: a POST of the export request (text/xml), the answer read to at
 * most 1 MB and parsed. Every call runs under the time limit and the shop's circuit breaker; a refused address, a
 * connection that fails, a slow answer, an HTTP error and an answer that is not a balance all count as failures.
 */
@Component
public class TallyClient {
    static final int MAX_ANSWER = 1 << 20;
    private final HttpClient http;
    private final CircuitBreakerRegistry breakers;
    private final TimeLimiterRegistry limiters;
    private final TallyAddressPolicy policy;

    public TallyClient(HttpClient tallyHttpClient, CircuitBreakerRegistry tallyCircuitBreakers, TimeLimiterRegistry tallyTimeLimiters,
                       TallyAddressPolicy policy) {
        this.http = tallyHttpClient;
        this.breakers = tallyCircuitBreakers;
        this.limiters = tallyTimeLimiters;
        this.policy = policy;
    }

    public static String breakerName(String shopId) {
        return "tally-" + shopId;
    }

    public CircuitBreaker breaker(String shopId) {
        return breakers.circuitBreaker(breakerName(shopId));
    }

    /** The circuit breaker of the shop's Tally if one was ever used, else null. */
    public CircuitBreaker existingBreaker(String shopId) {
        return breakers.find(breakerName(shopId)).orElse(null);
    }

    public Mono<BigDecimal> closingBalance(String shopId, TallySettings settings, String ledger, LocalDate asOf) {
        TimeLimiter limiter = limiters.timeLimiter("tally");
        Mono<BigDecimal> call = Mono.fromCallable(() -> {
                    // the address is checked again at each call: the name may resolve elsewhere than when it was set
                    policy.refusal(settings.url()).ifPresent(why -> {
                        throw new TallyXml.BadAnswer("the Tally URL is refused: " + why);
                    });
                    return HttpRequest.newBuilder(URI.create(settings.url().strip())).timeout(limiter.getTimeLimiterConfig().getTimeoutDuration())
                            .header("Content-Type", "text/xml; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(TallyXml.closingBalanceRequest(settings.company(), ledger, asOf)))
                            .build();
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(request -> Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()), true))
                .publishOn(Schedulers.boundedElastic())
                .map(response -> {
                    try (InputStream in = response.body()) {
                        if (response.statusCode() / 100 != 2) {
                            throw new TallyXml.BadAnswer("Tally answered HTTP " + response.statusCode());
                        }
                        byte[] body = in.readNBytes(MAX_ANSWER + 1);
                        if (body.length > MAX_ANSWER) {
                            throw new TallyXml.BadAnswer("Tally's answer is larger than 1 MB");
                        }
                        return TallyXml.closingBalance(body);
                    } catch (IOException e) {
                        throw new TallyXml.BadAnswer("reading Tally's answer failed", e);
                    }
                });
        return call.transformDeferred(TimeLimiterOperator.of(limiter))
                .transformDeferred(CircuitBreakerOperator.of(breaker(shopId)));
    }
}
