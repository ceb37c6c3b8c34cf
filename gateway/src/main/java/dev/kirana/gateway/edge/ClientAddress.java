package dev.kirana.gateway.edge;

import dev.kirana.gateway.EdgeProperties;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The one place the gateway decides who the client is (rate limits, the console's sign-in limit, which forwarding
 * headers are believed). Without trusted proxies ({@code kirana.gateway.trusted-proxies}, CIDRs) it is the peer
 * of the TCP connection. When that peer is a trusted proxy, the forwarding header it appends to
 * ({@code X-Forwarded-For}, or {@code Forwarded} when {@code kirana.gateway.client-address-header=forwarded}) is
 * read from the right: each trusted hop is skipped and the first untrusted one is the client. The leftmost value
 * is never taken as such: anything left of the last hop a trusted proxy wrote was written by the client.
 * <p>
 * A hop that is not an IP address ({@code unknown}, an obfuscated {@code _name}, garbage) stops the walk: what is
 * left of it cannot be believed, so the last trusted hop (the proxy that wrote it) stands for the client. When
 * every hop is trusted (a client inside a trusted network), the leftmost trusted hop is the client.
 */
@Component
public class ClientAddress {
    private static final Logger log = LoggerFactory.getLogger(ClientAddress.class);
    /** Beyond this many hops a header is not a real proxy chain; the walk stops (and the last trusted hop stands). */
    private static final int MAX_HOPS = 32;

    /** Which header a trusted proxy appends the client's address to. */
    public enum Header {
        /** {@code X-Forwarded-For: client, proxy1, proxy2} (nginx, HAProxy, Envoy, cloud load balancers) */
        X_FORWARDED_FOR,
        /** {@code Forwarded: for=client, for="[2001:db8::1]:4711"} (RFC 7239) */
        FORWARDED
    }

    private final List<Cidr> trusted;
    private final Header header;

    public ClientAddress(List<String> trustedProxies, Header header) {
        this.trusted = parse(trustedProxies);
        this.header = header == null ? Header.X_FORWARDED_FOR : header;
    }

    @Autowired
    public ClientAddress(EdgeProperties props, Environment env) {
        this(props.trustedProxies(), props.clientAddressHeader());
        refuseRemovedSetting(env);
        if (trusted.isEmpty()) {
            log.info("no trusted proxies: the client address is the connection's peer (forwarding headers are ignored)");
        } else {
            log.info("trusted proxies {}: the client address is the rightmost untrusted hop of {}", props.trustedProxies(),
                    this.header == Header.FORWARDED ? "Forwarded" : "X-Forwarded-For");
        }
    }

    /** The client's address as text (IPv6 in its short form), or {@code unknown} when the request has no peer. */
    public String of(ServerHttpRequest request) {
        InetAddress a = resolve(request);
        return a == null ? "unknown" : NetUtil.toAddressString(a);
    }

    /** Whether the connection comes from a trusted proxy (so its forwarding headers, e.g. the scheme, may be believed). */
    public boolean fromTrustedProxy(ServerHttpRequest request) {
        return isTrusted(peer(request));
    }

    InetAddress resolve(ServerHttpRequest request) {
        InetAddress peer = peer(request);
        if (peer == null || !isTrusted(peer)) {
            return peer;
        }
        List<String> hops = hops(request);
        InetAddress client = peer;
        for (int i = hops.size() - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            InetAddress hop = address(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private static InetAddress peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null ? null : remote.getAddress();
    }

    private boolean isTrusted(InetAddress address) {
        if (address == null || trusted.isEmpty()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Cidr c : trusted) {
            if (c.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A block of addresses: the first {@code bits} bits of {@code network}. (Spring Security's IpAddressMatcher
     * does the same but cannot be compiled against without the Servlet API, which a WebFlux gateway lacks.)
     */
    record Cidr(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false; // an IPv4 address is never in an IPv6 block (mapped addresses arrive as IPv4)
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    /** The hops in the order the proxies wrote them (several header lines are one list), without parsing them yet. */
    private List<String> hops(ServerHttpRequest request) {
        List<String> lines = request.getHeaders().get(header == Header.FORWARDED ? "Forwarded" : "X-Forwarded-For");
        List<String> hops = new ArrayList<>();
        if (lines == null) {
            return hops;
        }
        for (String line : lines) {
            for (String element : line.split(",")) {
                if (!element.isBlank()) { // empty list elements are no hops (RFC 9110, 5.6.1)
                    hops.add(header == Header.FORWARDED ? forwardedFor(element) : element);
                }
            }
        }
        return hops;
    }

    /** The {@code for} parameter of one {@code Forwarded} element ({@code for=…;proto=…;by=…}), or "" when it has none. */
    static String forwardedFor(String element) {
        for (String pair : element.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
                String value = pair.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return "";
    }

    /**
     * One hop as an address, or null when it is not a literal IP address: {@code 192.0.2.1}, {@code 192.0.2.1:4711},
     * {@code 2001:db8::1}, {@code [2001:db8::1]} or {@code [2001:db8::1]:4711}. Never a name lookup.
     */
    static InetAddress address(String hop) {
        String s = hop.trim();
        if (s.isEmpty() || s.indexOf('%') >= 0) {
            return null;
        }
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || !portOrNothing(s.substring(close + 1))) {
                return null;
            }
            s = s.substring(1, close);
            if (!NetUtil.isValidIpV6Address(s)) {
                return null;
            }
        } else {
            int colon = s.indexOf(':');
            if (colon >= 0 && colon == s.lastIndexOf(':')) {
                // IPv4 with a port (one colon); an IPv6 address has at least two
                if (!portOrNothing(s.substring(colon))) {
                    return null;
                }
                s = s.substring(0, colon);
                if (!NetUtil.isValidIpV4Address(s)) {
                    return null;
                }
            } else if (!NetUtil.isValidIpV4Address(s) && !NetUtil.isValidIpV6Address(s)) {
                return null;
            }
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(s);
        if (bytes == null) {
            return null;
        }
        try {
            // from raw bytes: no lookup; an IPv4-mapped IPv6 address becomes the IPv4 address
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean portOrNothing(String rest) {
        if (rest.isEmpty()) {
            return true;
        }
        if (rest.charAt(0) != ':' || rest.length() < 2 || rest.length() > 6) {
            return false;
        }
        for (int i = 1; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Integer.parseInt(rest.substring(1)) <= 65535;
    }

    static List<Cidr> parse(List<String> cidrs) {
        List<Cidr> blocks = new ArrayList<>();
        if (cidrs == null) {
            return blocks;
        }
        for (String raw : cidrs) {
            String cidr = raw == null ? "" : raw.trim();
            if (cidr.isEmpty()) {
                continue;
            }
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            byte[] network = address.indexOf('%') >= 0 || address.startsWith("[") ? null
                    : NetUtil.createByteArrayFromIpAddressString(address);
            if (network == null) {
                throw new IllegalArgumentException("kirana.gateway.trusted-proxies: '" + cidr
                        + "' is not an IP address or CIDR block (e.g. 10.0.0.0/8, 192.168.0.0/16, fd00::/8)");
            }
            InetAddress parsed;
            try {
                parsed = InetAddress.getByAddress(network); // an IPv4-mapped block becomes IPv4, as peers do
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("kirana.gateway.trusted-proxies: '" + cidr + "': " + e.getMessage(), e);
            }
            boolean mapped = network.length == 16 && parsed.getAddress().length == 4;
            network = parsed.getAddress();
            int max = network.length * 8;
            int bits = max;
            if (slash >= 0) {
                String text = cidr.substring(slash + 1);
                if (!text.matches("\\d{1,3}") || Integer.parseInt(text) > (mapped ? 128 : max)) {
                    throw new IllegalArgumentException("kirana.gateway.trusted-proxies: '" + cidr
                            + "' has a prefix length outside 0.." + (mapped ? 128 : max));
                }
                bits = Integer.parseInt(text);
                if (mapped) {
                    if (bits < 96) {
                        throw new IllegalArgumentException("kirana.gateway.trusted-proxies: '" + cidr
                                + "' is wider than the IPv4-mapped range ::ffff:0:0/96");
                    }
                    bits -= 96;
                }
            }
            if (bits == 0) {
                log.warn("kirana.gateway.trusted-proxies: {} trusts every address, so any client can choose the "
                        + "address it is limited by", cidr);
            }
            blocks.add(new Cidr(network, bits));
        }
        return blocks;
    }

    /**
     * {@code kirana.gateway.trust-forwarded-headers} believed the leftmost {@code X-Forwarded-For} value, which the
     * client writes. It is gone; a deployment still setting it to true must say which proxies it trusts instead
     * (silently ignoring it would put every client behind the ingress in one bucket).
     */
    private static void refuseRemovedSetting(Environment env) {
        for (String name : new String[]{"kirana.gateway.trust-forwarded-headers", "KIRANA_TRUST_FORWARDED_HEADERS"}) {
            if (Boolean.parseBoolean(env.getProperty(name, "false").trim())) {
                throw new IllegalStateException(name + " was removed: it let any client choose its own address. Set "
                        + "KIRANA_TRUSTED_PROXIES (kirana.gateway.trusted-proxies) to the CIDRs of your ingress/load "
                        + "balancer instead, e.g. 10.0.0.0/8");
            }
        }
    }
}
