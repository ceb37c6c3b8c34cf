package dev.kirana.web;

import dev.kirana.web.problem.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * The suite's one rule for the NUL character (U+0000), which PostgreSQL cannot store in text: a request that carries
 * one, in any string of its JSON body or in its path or query, is a 400 problem naming where, before anything runs.
 */
public final class NulText {
    public static final String MESSAGE = "must not contain the NUL character (U+0000)";

    private NulText() {
    }

    static boolean has(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }

    /** Every JSON string a service reads. */
    public static SimpleModule jacksonModule() {
        return new SimpleModule("kirana-nul-text").addDeserializer(String.class, new Deserializer());
    }

    static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String v = super.deserialize(p, ctxt);
            if (has(v)) {
                throw InvalidFormatException.from(p, MESSAGE, v, String.class);
            }
            return v;
        }
    }

    /** The path and every query parameter (decoded). */
    public static final class Filter implements WebFilter, Ordered {
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 5;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            var request = exchange.getRequest();
            String where = null;
            if (has(request.getPath().pathWithinApplication().value())) {
                where = "the path";
            } else {
                for (var e : request.getQueryParams().entrySet()) {
                    if (has(e.getKey()) || e.getValue().stream().anyMatch(NulText::has)) {
                        where = "query parameter " + e.getKey().replace('\0', '?');
                        break;
                    }
                }
            }
            return where == null ? chain.filter(exchange)
                    : ProblemWriter.write(exchange, HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "The value of " + where + " " + MESSAGE);
        }
    }
}
