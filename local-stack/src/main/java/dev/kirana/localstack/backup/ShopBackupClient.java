package dev.kirana.localstack.backup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A whole shop's backup, through the gateway: every service's archive ({@code POST <service path>/backup}) into
 * {@code <dir>/<shop>/<timestamp>/}, with {@code SHA256SUMS} (the format {@code sha256sum -c} checks) and
 * {@code manifest.json}; the restore checks those sums before it sends each archive back
 * ({@code POST <service path>/restore}). Older backups beyond {@code keep} are deleted after a complete one.
 */
public final class ShopBackupClient {
    /** The services that hold a shop's data, with the API prefix each answers backup and restore under. */
    public static final Map<String, String> SERVICES;

    static {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("catalog-service", "/api/v1/products");
        s.put("inventory-service", "/api/v1/inventory");
        s.put("order-service", "/api/v1/orders");
        s.put("accounting-service", "/api/v1/accounting");
        s.put("reporting-service", "/api/v1/reports");
        SERVICES = java.util.Collections.unmodifiableMap(s);
    }

    static final String SUMS = "SHA256SUMS";
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern BACKUP_DIR = Pattern.compile("\\d{8}T\\d{6}Z");
    private final URI gateway;
    private final String token;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;

    public ShopBackupClient(URI gateway, String token, Clock clock) {
        this.gateway = gateway;
        this.token = token;
        this.clock = clock;
        this.timeout = Duration.ofMinutes(10);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The shop's backup: each service's archive, then the sums; returns the backup's directory. */
    public Path backup(String shop, Path to) throws IOException, InterruptedException {
        Instant at = clock.instant();
        Path shopDir = to.resolve(shop);
        Path dir = shopDir.resolve(STAMP.format(at));
        Path partial = shopDir.resolve(STAMP.format(at) + ".partial");
        Files.createDirectories(partial);
        StringBuilder sums = new StringBuilder();
        StringBuilder archives = new StringBuilder();
        for (Map.Entry<String, String> s : SERVICES.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(gateway.resolve(s.getValue() + "/backup"))
                    .timeout(timeout).header("Authorization", "Bearer " + token).header("Accept", "application/zip")
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            Path file = partial.resolve(s.getKey() + ".zip");
            HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(file));
            if (response.statusCode() != 200) {
                String body = Files.readString(file, StandardCharsets.UTF_8);
                throw new IOException(s.getKey() + " answered " + response.statusCode() + " to the backup: " + body);
            }
            String sha = sha256(file);
            sums.append(sha).append("  ").append(file.getFileName()).append('\n');
            archives.append(archives.isEmpty() ? "" : ",\n").append("    {\"service\": \"").append(s.getKey())
                    .append("\", \"file\": \"").append(file.getFileName()).append("\", \"bytes\": ").append(Files.size(file))
                    .append(", \"sha256\": \"").append(sha).append("\"}");
        }
        Files.writeString(partial.resolve(SUMS), sums.toString(), StandardCharsets.UTF_8);
        Files.writeString(partial.resolve("manifest.json"), "{\n  \"formatVersion\": 1,\n  \"shopId\": \"" + shop
                + "\",\n  \"takenAt\": \"" + at + "\",\n  \"archives\": [\n" + archives + "\n  ]\n}\n", StandardCharsets.UTF_8);
        // complete: only now does it carry a backup's name (a crash leaves a .partial directory, never a short backup)
        Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    /** Checks the backup's sums, then restores each service's archive into the token's shop. */
    public List<String> restore(Path from, boolean replace) throws IOException, InterruptedException {
        Map<String, Path> archives = verify(from);
        List<String> answers = new ArrayList<>();
        for (String service : SERVICES.keySet()) {
            Path file = archives.get(service + ".zip");
            if (file == null) {
                throw new IOException(from + " has no archive of " + service);
            }
            HttpRequest request = HttpRequest.newBuilder(gateway.resolve(SERVICES.get(service) + "/restore" + (replace ? "?replace=true" : "")))
                    .timeout(timeout).header("Authorization", "Bearer " + token).header("Content-Type", "application/zip")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(service + " answered " + response.statusCode() + " to the restore: " + response.body());
            }
            answers.add(service + ": " + response.body());
        }
        return answers;
    }

    /** file name → file, once every file named in SHA256SUMS has that digest. */
    static Map<String, Path> verify(Path from) throws IOException {
        Path sums = from.resolve(SUMS);
        if (!Files.isRegularFile(sums)) {
            throw new IOException(from + " is not a shop backup: it has no " + SUMS);
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(" {2}", 2);
            if (parts.length != 2 || parts[1].contains("/")) {
                throw new IOException(sums + " has a line that is not '<sha256>  <file>': " + line);
            }
            Path file = from.resolve(parts[1]);
            if (!Files.isRegularFile(file)) {
                throw new IOException(from + " lacks " + parts[1] + ", which " + SUMS + " lists");
            }
            String actual = sha256(file);
            if (!actual.equalsIgnoreCase(parts[0])) {
                throw new IOException("the SHA-256 of " + file + " is " + actual + ", not " + parts[0] + ": the backup is damaged");
            }
            files.put(parts[1], file);
        }
        return files;
    }

    /** Deletes all but the newest {@code keep} complete backups of the shop; returns those deleted. */
    public static List<Path> prune(Path shopDir, int keep) throws IOException {
        if (!Files.isDirectory(shopDir)) {
            return List.of();
        }
        List<Path> backups;
        try (Stream<Path> s = Files.list(shopDir)) {
            backups = s.filter(p -> Files.isDirectory(p) && BACKUP_DIR.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
        List<Path> deleted = new ArrayList<>();
        for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            try (Stream<Path> walk = Files.walk(old)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            deleted.add(old);
        }
        return deleted;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
