package dev.kirana.web.audit;

import dev.kirana.web.security.ShopPrincipal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every download — a report, statement, CSV/XLSX export, Tally or GSTR file: a successful answer with
 * {@code Content-Disposition: attachment} — is an {@code export.downloaded} audit record of the shop in the path (else
 * the token's shop): entity type {@code export}, entity the path after the shop prefix, and as "after" the path, query,
 * file name and content type. It is recorded before the response is committed, so a download whose record could not
 * be written fails instead of leaving no trace. A handler that records its download itself (a backup) sets
 * {@link AuditLog#RECORDED}. Runs inside the security filter chain, whose context names the caller.
 */
public class ExportAuditFilter implements WebFilter, Ordered {
    public static final String ACTION = "export.downloaded";
    public static final String ENTITY_TYPE = "export";
    private static final Pattern SHOP_PATH = Pattern.compile("/shops/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/.*)?$");
    private final ObjectProvider<AuditLog> audit;

    public ExportAuditFilter(ObjectProvider<AuditLog> audit) {
        this.audit = audit;
    }

    @Override
    public int getOrder() {
        // after Spring Security's WebFilterChainProxy (-100), inside its security context
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        AuditLog log = audit.getIfAvailable();
        if (log == null) {
            return chain.filter(exchange);
        }
        return Mono.deferContextual(ctx -> {
            ServerHttpResponse response = exchange.getResponse();
            response.beforeCommit(() -> exchange.getAttribute(AuditLog.RECORDED) != null || !isDownload(response)
                    ? Mono.empty()
                    : record(log, exchange, response).contextWrite(ctx));
            return chain.filter(exchange);
        });
    }

    static boolean isDownload(ServerHttpResponse response) {
        if (response.getStatusCode() != null && !response.getStatusCode().is2xxSuccessful()) {
            return false;
        }
        String header = response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        if (header == null) {
            return false;
        }
        try {
            return ContentDisposition.parse(header).isAttachment();
        } catch (IllegalArgumentException unparsable) {
            return header.trim().toLowerCase(Locale.ROOT).startsWith("attachment");
        }
    }

    private static Mono<Void> record(AuditLog log, ServerWebExchange exchange, ServerHttpResponse response) {
        String path = exchange.getRequest().getPath().value();
        Matcher m = SHOP_PATH.matcher(path);
        String pathShop = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
        String entity = pathShop == null ? path : (m.group(2) == null ? "/" : m.group(2));
        return ReactiveSecurityContextHolder.getContext()
                .flatMap(sc -> Mono.justOrEmpty(sc.getAuthentication() != null && sc.getAuthentication().getPrincipal() instanceof ShopPrincipal p
                        ? p.shopId() : null))
                .map(tokenShop -> pathShop != null ? pathShop : tokenShop)
                .switchIfEmpty(Mono.justOrEmpty(pathShop))
                .filter(shop -> !shop.isBlank())
                .flatMap(shop -> {
                    Map<String, Object> after = new LinkedHashMap<>();
                    after.put("method", exchange.getRequest().getMethod().name());
                    after.put("path", path);
                    after.put("query", exchange.getRequest().getURI().getRawQuery());
                    after.put("file", fileName(response));
                    after.put("contentType", response.getHeaders().getContentType() == null ? null
                            : response.getHeaders().getContentType().toString());
                    return log.record(shop, new AuditLog.Entry(ACTION, ENTITY_TYPE, truncate(entity), null, after));
                });
    }

    private static String fileName(ServerHttpResponse response) {
        try {
            return ContentDisposition.parse(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).getFilename();
        } catch (IllegalArgumentException unparsable) {
            return null;
        }
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500);
    }
}
