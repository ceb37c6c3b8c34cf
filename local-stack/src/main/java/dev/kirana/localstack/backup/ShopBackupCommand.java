package dev.kirana.localstack.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./kirana backup} and {@code ./kirana restore}.
 *
 * <pre>
 * backup --shop ID --to DIR [--token T] [--keep N] [--every 24h] [--gateway URL | --port-offset N]
 * restore --from DIR/SHOP/TIMESTAMP [--token T] [--replace] [--gateway URL | --port-offset N]
 * </pre>
 * The token (an owner's access token for the shop) may come from {@code KIRANA_TOKEN} instead, which keeps it out of
 * the process list.
 *
 * @param every 0: once
 * @param keep  0: keep every backup
 */
public record ShopBackupCommand(String command, String shop, Path to, Path from, String token, int keep, Duration every,
                                URI gateway, boolean replace) {

    public static final String USAGE = String.join("\n",
            "  backup --shop ID --to DIR [--keep N] [--every 24h]",
            "        Back up the shop from every service into DIR/ID/<time>/ (an archive per service, SHA256SUMS, manifest.json).",
            "        --keep N      then delete all but the newest N backups of the shop",
            "        --every D     keep running and back up every D (e.g. 24h, 30m)",
            "  restore --from DIR/ID/<time> [--replace]",
            "        Check a backup's SHA-256 sums and restore it into the token's shop (another shop id gets new ids).",
            "        --replace     replace the data the shop has (without it, a shop with data is refused)",
            "  Both take --token T (or KIRANA_TOKEN: an owner's access token of the shop) and --gateway URL",
            "  (default http://127.0.0.1:8080, shifted by --port-offset N).");

    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd])");

    public static ShopBackupCommand parse(String[] args, Map<String, String> env) {
        String command = args[0];
        String shop = null;
        Path to = null;
        Path from = null;
        String token = env.get("KIRANA_TOKEN");
        int keep = 0;
        Duration every = Duration.ZERO;
        URI gateway = null;
        int offset = 0;
        boolean replace = false;
        boolean backup = command.equals("backup");
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            switch (name) {
                case "--replace" -> {
                    only(!backup, name, command);
                    replace = true;
                }
                case "--shop", "--to", "--keep", "--every", "--from", "--token", "--gateway", "--port-offset" -> {
                    if (value == null) {
                        if (++i >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args[i];
                    }
                    switch (name) {
                        case "--shop" -> shop = only(backup, name, command) ? value : null;
                        case "--to" -> to = only(backup, name, command) ? Path.of(value) : null;
                        case "--keep" -> keep = only(backup, name, command) ? number(name, value) : 0;
                        case "--every" -> every = only(backup, name, command) ? duration(value) : Duration.ZERO;
                        case "--from" -> from = only(!backup, name, command) ? Path.of(value) : null;
                        case "--token" -> token = value;
                        case "--gateway" -> gateway = URI.create(value.endsWith("/") ? value : value + "/");
                        default -> offset = number(name, value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' for " + command);
            }
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(command + " needs an owner's access token: --token T or KIRANA_TOKEN");
        }
        if (backup && (shop == null || shop.isBlank() || to == null)) {
            throw new IllegalArgumentException("backup needs --shop ID and --to DIR");
        }
        if (backup && !shop.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("--shop takes a shop id, got '" + shop + "'");
        }
        if (!backup && from == null) {
            throw new IllegalArgumentException("restore needs --from DIR (a backup's directory)");
        }
        if (gateway == null) {
            gateway = URI.create("http://127.0.0.1:" + (8080 + offset) + "/");
        }
        return new ShopBackupCommand(command, shop, to, from, token, keep, every, gateway, replace);
    }

    /** Runs it; returns the exit code. */
    public int run(PrintStream out, PrintStream err) throws InterruptedException {
        ShopBackupClient client = new ShopBackupClient(gateway, token, Clock.systemUTC());
        if (command.equals("restore")) {
            try {
                List<String> answers = client.restore(from, replace);
                answers.forEach(out::println);
                out.println("restored " + from);
                return 0;
            } catch (IOException e) {
                err.println("kirana: restore failed: " + e.getMessage());
                return 1;
            }
        }
        while (true) {
            int code = backupOnce(client, out, err);
            if (every.isZero()) {
                return code;
            }
            out.println("next backup in " + every);
            Thread.sleep(every.toMillis());
        }
    }

    private int backupOnce(ShopBackupClient client, PrintStream out, PrintStream err) throws InterruptedException {
        try {
            Path dir = client.backup(shop, to);
            out.println("backed up shop " + shop + " to " + dir);
            if (keep > 0) {
                for (Path old : ShopBackupClient.prune(to.resolve(shop), keep)) {
                    out.println("deleted the older backup " + old);
                }
            }
            return 0;
        } catch (IOException e) {
            err.println("kirana: backup failed: " + e.getMessage());
            return 1;
        }
    }

    static Duration duration(String value) {
        Matcher m = DURATION.matcher(value.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("--every takes a duration such as 24h, 30m or 7d, got '" + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static int number(String option, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }

    private static boolean only(boolean allowed, String option, String command) {
        if (!allowed) {
            throw new IllegalArgumentException("option " + option + " does not apply to " + command);
        }
        return true;
    }
}
