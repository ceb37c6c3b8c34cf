package dev.kirana.web;

import dev.kirana.web.problem.ProblemWriter;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The limits on a request's target and headers, answered as problems: a URI longer than {@code kirana.web.max-uri-length}
 * (8 KB) is a 414 and headers larger than {@code kirana.web.max-header-size} (16 KB) a 431, both with an
 * application/problem+json body saying the size and the limit. The HTTP server itself accepts up to 64 KB of either
 * ({@code server.netty.max-initial-line-length}, {@code server.max-http-request-header-size}) so that these limits are
 * the ones a client meets; beyond the server's, it answers with a bare status of its own.
 */
public class RequestSizeLimits implements WebFilter, Ordered {
    private final long maxUri;
    private final long maxHeaders;

    public RequestSizeLimits(DataSize maxUri, DataSize maxHeaders) {
        this.maxUri = maxUri.toBytes();
        this.maxHeaders = maxHeaders.toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 4;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var uri = exchange.getRequest().getURI();
        long uriLength = (uri.getRawPath() == null ? 0 : uri.getRawPath().length())
                + (uri.getRawQuery() == null ? 0 : uri.getRawQuery().length() + 1);
        if (uriLength > maxUri) {
            return ProblemWriter.write(exchange, HttpStatus.URI_TOO_LONG, "uri-too-long", "URI Too Long",
                    "The request's path and query are " + uriLength + " bytes; at most " + maxUri + " are accepted");
        }
        long headerBytes = 0;
        for (Map.Entry<String, List<String>> header : exchange.getRequest().getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                // as on the wire: "name: value\r\n"
                headerBytes += header.getKey().length() + 2 + value.length() + 2;
            }
        }
        if (headerBytes > maxHeaders) {
            return ProblemWriter.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
                    "Request Header Fields Too Large",
                    "The request's headers are " + headerBytes + " bytes; at most " + maxHeaders + " are accepted");
        }
        return chain.filter(exchange);
    }
}
