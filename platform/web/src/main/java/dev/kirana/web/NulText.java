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
 * The suite's one rule for control characters in request text. The NUL character (U+0000), which PostgreSQL cannot
 * store, and the other C0 controls but tab, line feed and carriage return (U+0001–U+001F, which no name, note or
 * address holds, and which {@code @NotBlank} does not count as blank although {@code trim()} removes them, so that a
 * name of only such characters used to pass validation and be stored empty): a request that carries one, in any
 * string of its JSON body or in its path or query, is a 400 problem naming where, before anything runs.
 */
public final class NulText {
    public static final String MESSAGE = "must not contain the NUL character (U+0000)";
    public static final String CONTROL_MESSAGE = "must not contain control characters (U+0001 to U+001F other than tab, line feed and carriage return)";

    private NulText() {
    }

    /** Why {@code s} is refused ({@link #MESSAGE} or {@link #CONTROL_MESSAGE}), or null when it is fine. */
    static String refusal(String s) {
        if (s == null) {
            return null;
        }
        String why = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                return MESSAGE;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                why = CONTROL_MESSAGE;
            }
        }
        return why;
    }

    /** Every JSON string a service reads. */
    public static SimpleModule jacksonModule() {
        return new SimpleModule("kirana-nul-text").addDeserializer(String.class, new Deserializer());
    }

    static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String v = super.deserialize(p, ctxt);
            String why = refusal(v);
            if (why != null) {
                throw InvalidFormatException.from(p, why, v, String.class);
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
            String why = refusal(request.getPath().pathWithinApplication().value());
            if (why != null) {
                where = "the path";
            } else {
                for (var e : request.getQueryParams().entrySet()) {
                    why = refusal(e.getKey());
                    for (int i = 0; why == null && i < e.getValue().size(); i++) {
                        why = refusal(e.getValue().get(i));
                    }
                    if (why != null) {
                        where = "query parameter " + e.getKey().replaceAll("\\p{Cntrl}", "?");
                        break;
                    }
                }
            }
            return where == null ? chain.filter(exchange)
                    : ProblemWriter.write(exchange, HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "The value of " + where + " " + why);
        }
    }
}
