package dev.kirana.accounting.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which Tally URLs a shop may set; host names resolve through a fixed table, never the network. */
class TallyAddressPolicyTest {
    static final Map<String, String> DNS = Map.of(
            "tally.sharmatraders.in", "49.36.12.7",
            "sneaky.example", "10.0.0.5",
            "meta.example", "169.254.169.254");
    static final TallyAddressPolicy.Resolver RESOLVER = host -> {
        String ip = DNS.get(host);
        if (ip == null) {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return List.of(InetAddress.getByName(host));
            }
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(ip));
    };
    final TallyAddressPolicy strict = new TallyAddressPolicy(false, RESOLVER);

    @Test
    void aPublicTallyIsAccepted() {
        assertThat(strict.refusal("http://tally.sharmatraders.in:9000")).isEmpty();
        assertThat(strict.refusal("https://49.36.12.7:9443/")).isEmpty();
    }

    @Test
    void onlyHttpAndHttpsWithAHostAndNoUserInfo() {
        assertThat(strict.refusal("ftp://tally.sharmatraders.in")).contains("must be an http or https URL");
        assertThat(strict.refusal("file:///etc/passwd")).contains("must be an http or https URL");
        assertThat(strict.refusal("http://owner:secret@tally.sharmatraders.in:9000")).contains("must not carry a user name or password");
        assertThat(strict.refusal("http:///nohost")).contains("must name a host");
        assertThat(strict.refusal("not a url")).isPresent();
        assertThat(strict.refusal("")).contains("required");
        assertThat(strict.refusal("http://" + "a".repeat(2000) + ".in")).contains("at most 2000 characters");
    }

    @Test
    void loopbackLinkLocalPrivateAndMetadataAddressesAreRefused() {
        for (String url : List.of("http://127.0.0.1:9000", "http://localhost:9000", "http://[::1]:9000", "http://169.254.169.254/latest/meta-data",
                "http://meta.example", "http://metadata.google.internal", "http://10.1.2.3:9000", "http://sneaky.example:9000",
                "http://192.168.1.20:9000", "http://172.16.0.9", "http://100.100.100.200", "http://0.0.0.0:9000", "http://[fd00:ec2::254]",
                "http://[fe80::1]:9000")) {
            assertThat(strict.refusal(url)).as(url).isPresent();
        }
        assertThat(strict.refusal("http://nowhere.invalid")).contains("host nowhere.invalid is not known");
    }

    @Test
    void privateAddressesMayBeAllowedByConfiguration() {
        assertThat(new TallyAddressPolicy(true, RESOLVER).refusal("http://127.0.0.1:9000")).isEmpty();
        assertThat(new TallyAddressPolicy(true, RESOLVER).refusal("ftp://127.0.0.1")).isPresent();
    }
}
