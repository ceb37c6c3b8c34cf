package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The curl examples of the README, run as written against the suite: each chosen {@code ## } section's
 * {@code ```bash} blocks, in order, in one {@code bash -euo pipefail}, with {@code GW} pointing at the suite's
 * gateway and every curl failing on an HTTP error. Values that would collide on a second run are given a
 * per-run suffix (listed in each test), and what the README promises in its {@code # →} comments is checked
 * in the script's output.
 */
@Order(6)
class ReadmeExamplesIT {
    static final Path README = Path.of(System.getProperty("kirana.root", "..")).resolve("README.md");
    static final String README_GATEWAY = "http://127.0.0.1:8080";

    /**
     * What the script runs first: the suite's gateway, and curl failing on HTTP errors. The README's curls use
     * {@code -s} without {@code -f}; ones that already say {@code -f} (to retry) are left as they are, since
     * curl refuses {@code -f} together with {@code --fail-with-body}.
     */
    static String prologue(String gateway) {
        return """
                GW=%s
                curl() {
                  local a
                  for a in "$@"; do
                    case "$a" in --fail|--fail-with-body) command curl "$@"; return;; --*) ;; -*f*) command curl "$@"; return;; esac
                  done
                  command curl --fail-with-body "$@"
                }
                """.formatted(gateway);
    }

    @Test
    void sellSomethingInOneMinute() throws Exception {
        String tag = tag();
        Map<String, String> perRun = new LinkedHashMap<>();
        perRun.put("\"sku\":\"SUGAR-1KG\"", "\"sku\":\"SUGAR-1KG-" + tag.toUpperCase(java.util.Locale.ROOT) + "\"");

        Run run = runSection("Sell something in one minute", perRun);

        // → 201 {"id":"…","status":"CONFIRMED","total":"96.00",…}
        assertThat(run.stdout()).as(run.report()).contains("\"status\":\"CONFIRMED\"").contains("\"total\":\"96.00\"");
        // → [{…,"available":"8.000",…}] (onHand 10 with 2 reserved, or onHand 8 once inventory committed the sale)
        assertThat(run.stdout()).as(run.report()).containsPattern(
                "\"onHand\":\"(10.000\",\"reserved\":\"2.000|8.000\",\"reserved\":\"0.000)\",\"available\":\"8.000\"");
    }

    @Test
    void shopsPeopleAndTokens() throws Exception {
        String tag = tag();
        String phone = "9" + (100000000L + ThreadLocalRandom.current().nextLong(899999999L));
        Map<String, String> perRun = new LinkedHashMap<>();
        perRun.put("ravi@example.com", "ravi-" + tag + "@example.com");
        perRun.put("\"phone\":\"9876543210\"", "\"phone\":\"" + phone + "\"");
        perRun.put("asha@example.com", "asha-" + tag + "@example.com");

        Run run = runSection("Shops, people and tokens", perRun);

        // the cashier was added to the shop, and her token (auth/me) names that shop with the role CASHIER
        assertThat(run.stdout()).as(run.report()).contains("\"email\":\"asha-" + tag + "@example.com\"")
                .contains("\"role\":\"CASHIER\"").contains("\"roles\":[\"CASHIER\"]").containsPattern("\"activeShopId\":\"[0-9a-f-]{36}\"");
    }

    record Run(String script, int exit, String stdout, String stderr) {
        String report() {
            return "script:\n" + script + "\nexit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    Run runSection(String heading, Map<String, String> perRun) throws Exception {
        String gateway = SuiteUnderTest.get().gatewayUrl();
        List<String> blocks = bashBlocks(Files.readString(README, StandardCharsets.UTF_8), heading);
        assertThat(blocks).as("```bash blocks under ## %s in %s", heading, README).isNotEmpty();
        String body = String.join("\n", blocks).replace(README_GATEWAY, gateway);
        for (Map.Entry<String, String> e : perRun.entrySet()) {
            assertThat(body).as("the README's %s example still has %s", heading, e.getKey()).contains(e.getKey());
            body = body.replace(e.getKey(), e.getValue());
        }
        String script = prologue(gateway) + body;

        Path out = Files.createTempFile("readme-", ".out");
        Path err = Files.createTempFile("readme-", ".err");
        try {
            Process p = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Run run = new Run(script, done ? p.exitValue() : -1, Files.readString(out), Files.readString(err));
            assertThat(done).as("timed out after 120 s; " + run.report()).isTrue();
            assertThat(run.exit()).as(run.report()).isZero();
            return run;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The {@code ```bash} blocks between {@code ## heading} and the next {@code ## } heading. */
    static List<String> bashBlocks(String markdown, String heading) {
        List<String> blocks = new ArrayList<>();
        boolean inSection = false;
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            if (block != null) {
                if (line.startsWith("```")) {
                    blocks.add(block.toString());
                    block = null;
                } else {
                    block.append(line).append('\n');
                }
            } else if (line.startsWith("## ")) {
                inSection = line.substring(3).strip().equals(heading);
            } else if (inSection && line.strip().equals("```bash")) {
                block = new StringBuilder();
            }
        }
        return blocks;
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
