package dev.kirana.accounting.tally;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which Tally URLs a shop may set: http or https, a host, no user info, at most 2,000 characters; and unless private
 * addresses are allowed ({@code kirana.tally.allow-private-addresses}, for a suite inside the shop's own network and
 * for tests), no host that is or resolves to a loopback, link-local (cloud metadata 169.254.169.254 included),
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), multicast or unspecified address —
 * so the suite cannot be pointed at its own network.
 */
public final class TallyAddressPolicy {

    /** Looks a host's addresses up; the JDK's resolver in production. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final Resolver DNS = host -> List.of(InetAddress.getAllByName(host));

    private final boolean allowPrivate;
    private final Resolver resolver;

    public TallyAddressPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** @return why {@code url} is refused, or empty when it may be used (this may look the host up: call off the event loop) */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("required");
        }
        if (url.length() > 2000) {
            return Optional.of("at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getPort() > 65535) {
            return Optional.of("port out of range");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost") || bare.toLowerCase(Locale.ROOT).endsWith(".localhost")
                || bare.equalsIgnoreCase("metadata.google.internal")) {
            return Optional.of("must not be a local or metadata address");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of("host " + bare + " is not known");
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                return Optional.of("must not be a loopback, link-local, private or metadata address");
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) || first >= 240;
        }
        if (a instanceof Inet6Address) {
            // unique local fc00::/7 (the AWS IPv6 metadata endpoint fd00:ec2::254 among them)
            return (b[0] & 0xfe) == 0xfc;
        }
        return false;
    }
}
