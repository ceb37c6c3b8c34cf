package dev.kirana.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's container files, checked by reading them: there is no Docker engine in CI, so
 * {@code docker-compose.yml}, the {@code Dockerfile} and {@code .dockerignore} are never run by the
 * build, and these checks are what keeps them from drifting away from what the build and the tests use.
 */
class DockerFilesTest {

    private static final List<String> LAYERS =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    private static Path root;
    private static Map<String, Map<String, Object>> services;
    private static List<String> dockerfile;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        root = repositoryRoot();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Map<String, Object> compose = yaml.load(Files.readString(root.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        dockerfile = instructions(Files.readAllLines(root.resolve("Dockerfile")));
    }

    // ---------------------------------------------------------------- docker-compose.yml

    @Test
    void everyContainerHasAHealthcheck() {
        assertThat(services).containsKeys("postgres", "kafka", "redis", "keycloak");
        services.forEach((name, service) -> assertThat(healthcheck(name))
                .as("the healthcheck of %s", name).isNotBlank().doesNotStartWith("NONE"));
        assertThat(healthcheck("postgres")).contains("pg_isready");
        assertThat(healthcheck("redis")).contains("redis-cli ping");
        assertThat(healthcheck("kafka")).contains("/opt/kafka/bin/kafka-broker-api-versions.sh");
        assertThat(healthcheck("keycloak")).contains("/127.0.0.1/9000", "/health/ready").doesNotContain("curl");
        assertThat(environment("keycloak")).containsEntry("KC_HEALTH_ENABLED", "true");
    }

    @Test
    void everySuiteServiceIsBuiltHereAndHealthyWhenItsReadinessIsUp() {
        for (ServiceDef def : ServiceDef.ALL) {
            Map<String, Object> service = services.get(def.name());
            assertThat(service).as("compose service %s", def.name()).isNotNull();
            assertThat(map(map(service, "build"), "args")).as("%s's build args", def.name())
                    .containsEntry("SERVICE", def.name());
            assertThat(environment(def.name())).containsEntry("SERVER_PORT", String.valueOf(def.basePort()))
                    .as("%s serves actuator on the management port, as in Kubernetes", def.name())
                    .containsEntry("KIRANA_MANAGEMENT_PORT", "9090");
            assertThat(healthcheck(def.name())).as("%s's healthcheck", def.name())
                    .startsWith("CMD curl -fsS ")
                    .endsWith("http://127.0.0.1:9090/actuator/health/readiness");
            Object published = service.get("ports");
            assertThat(published == null ? "" : published.toString()).as("%s publishes no management port", def.name())
                    .doesNotContain("9090");
            assertThat(environment(def.name())).as("%s keeps the prod profile", def.name())
                    .containsEntry("SPRING_PROFILES_ACTIVE", "prod")
                    .containsEntry("KIRANA_DEMO_ENABLED", "false");
        }
    }

    @Test
    void everyDependencyWaitsForHealthNotForAStart() {
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            assertThat(dependsOn).as("%s's depends_on names a condition for each entry (a list cannot)", name)
                    .isInstanceOf(Map.class);
            map(service, "depends_on").forEach((dependency, spec) -> {
                assertThat(services).as("%s depends on %s", name, dependency).containsKey(dependency);
                Object condition = spec instanceof Map<?, ?> m ? m.get("condition") : null;
                assertThat(condition).as("%s -> %s", name, dependency)
                        .isIn("service_healthy", "service_completed_successfully");
                assertThat(services.get(dependency).get("profiles"))
                        .as("%s needs %s, which only runs under a profile", name, dependency).isNull();
            });
        });
        assertThat(map(services.get("gateway"), "depends_on")).containsKeys("redis", ServiceDef.AUTH);
    }

    @Test
    void keycloakIsTheTestedVersionAndImportsTheTestedRealm() throws Exception {
        Map<String, Object> keycloak = services.get("keycloak");
        String tested = property(pom("gateway/pom.xml"), "keycloak.version");
        assertThat(tested).isNotBlank();
        assertThat((String) keycloak.get("image")).isEqualTo("quay.io/keycloak/keycloak:" + tested);
        assertThat(strings(keycloak.get("command"))).contains("--import-realm");

        String realm = "gateway/src/test/resources/keycloak/kirana-realm.json";
        List<String> mounts = strings(keycloak.get("volumes"));
        assertThat(mounts).anySatisfy(mount -> {
            String[] parts = mount.split(":");
            assertThat(Path.of(parts[0]).normalize()).isEqualTo(Path.of(realm));
            assertThat(parts[1]).startsWith("/opt/keycloak/data/import/").endsWith(".json");
        });
        assertThat(root.resolve(realm)).isRegularFile();
        assertThat(Files.readString(root.resolve(realm))).contains("\"realm\": \"kirana\"");
    }

    // ---------------------------------------------------------------- Dockerfile

    @Test
    void theImageRunsTheJavaTheBuildCompilesFor() throws Exception {
        String release = property(pom("pom.xml"), "maven.compiler.release");
        assertThat(release).isEqualTo(property(pom("pom.xml"), "java.version"));
        List<String> bases = dockerfile.stream().filter(i -> i.startsWith("FROM ")).toList();
        assertThat(bases).isNotEmpty().allSatisfy(from -> {
            Matcher image = Pattern.compile("FROM (?:--\\S+ )*eclipse-temurin:(\\d+)(?:[-.]\\S*)?(?: AS \\S+)?",
                    Pattern.CASE_INSENSITIVE).matcher(from);
            assertThat(image.matches()).as("%s is an eclipse-temurin image with a Java major version", from).isTrue();
            assertThat(image.group(1)).as(from).isEqualTo(release);
        });
    }

    @Test
    void theImageRunsAsAnUnprivilegedUser() {
        List<String> last = lastStage();
        List<String> users = last.stream().filter(i -> i.startsWith("USER ")).toList();
        assertThat(users).as("the final stage sets USER").isNotEmpty();
        String user = users.get(users.size() - 1).substring("USER ".length()).trim().split(":")[0];
        assertThat(user).isNotIn("root", "0");
        int userAt = last.indexOf(users.get(users.size() - 1));
        int entrypointAt = indexOf(last, "ENTRYPOINT ");
        assertThat(entrypointAt).as("ENTRYPOINT after USER").isGreaterThan(userAt);
    }

    @Test
    void theImageIsHealthyWhenTheServiceIsReady() {
        List<String> checks = lastStage().stream().filter(i -> i.startsWith("HEALTHCHECK ")).toList();
        assertThat(checks).hasSize(1);
        assertThat(checks.get(0)).contains(" CMD ", "curl", "http://127.0.0.1:${KIRANA_MANAGEMENT_PORT:-9090}/actuator/health/readiness")
                .doesNotContain("SERVER_PORT");
        assertThat(lastStage()).as("the image's services answer probes on 9090, as compose and Kubernetes expect")
                .contains("ENV KIRANA_MANAGEMENT_PORT=9090");
    }

    @Test
    void theImageIsSpringBootsLayersNotAFatJar() throws Exception {
        String version = text(pom("pom.xml").getDocumentElement(), "version");
        assertThat(dockerfile).anySatisfy(i -> assertThat(i).isEqualTo("ARG VERSION=" + version));
        assertThat(dockerfile).anySatisfy(i -> assertThat(i)
                .isEqualTo("COPY ${SERVICE}/target/${SERVICE}-${VERSION}-exec.jar service.jar"));
        assertThat(dockerfile).anySatisfy(i -> assertThat(i)
                .matches("RUN java -Djarmode=tools -jar service\\.jar extract --layers --launcher --destination extracted"));

        List<String> copies = lastStage().stream().filter(i -> i.startsWith("COPY ")).toList();
        assertThat(copies).as("the final stage copies the four layers, least often changed first, and nothing else")
                .containsExactlyElementsOf(LAYERS.stream()
                        .map(layer -> "COPY --from=layers /build/extracted/" + layer + "/ ./").toList());
        assertThat(lastStage()).contains(
                "ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
    }

    @Test
    void theBuildKeepsTheLayerIndexInTheRunnableJars() throws Exception {
        for (String path : modulePoms()) {
            assertThat(Files.readString(root.resolve(path)).replaceAll("\\s", ""))
                    .as("%s leaves the Spring Boot plugin's layers on", path)
                    .doesNotContain("<layers><enabled>false</enabled>");
        }
        // where a service has been packaged already, its jar has the four layers the Dockerfile copies
        for (ServiceDef def : ServiceDef.ALL) {
            Path jar = root.resolve(def.name()).resolve("target").resolve(def.execJarName());
            if (!Files.isRegularFile(jar)) {
                continue;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                var index = zip.getEntry("BOOT-INF/layers.idx");
                assertThat(index).as("%s has BOOT-INF/layers.idx", jar).isNotNull();
                String layers = new String(zip.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8);
                assertThat(layers.lines().filter(l -> l.startsWith("- \"")).toList())
                        .containsExactlyElementsOf(LAYERS.stream().map(l -> "- \"" + l + "\":").toList());
                assertThat(zip.stream().map(e -> e.getName()))
                        .anyMatch(n -> n.matches("BOOT-INF/lib/spring-boot-jarmode-tools-.*\\.jar"));
            }
        }
    }

    // ---------------------------------------------------------------- .dockerignore

    @Test
    void theBuildContextHoldsTheJarsAndNoStateOrSecrets() throws IOException {
        List<String> patterns = Files.readAllLines(root.resolve(".dockerignore")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String excluded : List.of(".kirana/postgres/base/1/112", ".kirana/logs/order-service.log",
                "order-service/target/classes/application.yml", "order-service/target/order-service-0.1.0-SNAPSHOT.jar",
                "platform/web/target/kirana-web-0.1.0-SNAPSHOT.jar", "system-tests/target/failsafe-reports/x.txt",
                ".git/HEAD", ".idea/workspace.xml", "gateway/gateway.iml", "order-service/.settings/x.prefs", ".env",
                "bench/results/raw/run.csv", "gateway/src/main/console/node_modules/x/index.js")) {
            assertThat(ignored(patterns, excluded)).as("%s is left out of the build context", excluded).isTrue();
        }
        for (ServiceDef def : ServiceDef.ALL) {
            String jar = def.name() + "/target/" + def.execJarName();
            assertThat(ignored(patterns, jar)).as("%s, which the Dockerfile copies, is sent", jar).isFalse();
        }
        assertThat(ignored(patterns, "Dockerfile")).isFalse();
    }

    /** Docker's rule: the last pattern matching the path or one of its parent directories decides. */
    static boolean ignored(List<String> patterns, String path) {
        boolean ignored = false;
        for (String pattern : patterns) {
            boolean exception = pattern.startsWith("!");
            String p = exception ? pattern.substring(1).trim() : pattern;
            p = p.replaceAll("^/+", "").replaceAll("/+$", "");
            Pattern regex = Pattern.compile(globToRegex(p));
            String candidate = path;
            boolean matches = false;
            while (true) {
                if (regex.matcher(candidate).matches()) {
                    matches = true;
                    break;
                }
                int slash = candidate.lastIndexOf('/');
                if (slash < 0) {
                    break;
                }
                candidate = candidate.substring(0, slash);
            }
            if (matches) {
                ignored = !exception;
            }
        }
        return ignored;
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                regex.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    @Test
    void theIgnoreRulesAreDockers() {
        List<String> rules = List.of("**/target", "!*/target/*-exec.jar");
        assertThat(ignored(rules, "a/target/x.class")).isTrue();
        assertThat(ignored(rules, "a/target/a-exec.jar")).isFalse();
        assertThat(ignored(rules, "a/b/target/a-exec.jar")).isTrue();
        assertThat(ignored(rules, "target")).isTrue();
        assertThat(ignored(List.of(".kirana/"), ".kirana/x/y")).isTrue();
        assertThat(ignored(List.of(".kirana"), "a/.kirana/x")).isFalse();
    }

    // ---------------------------------------------------------------- helpers

    private static Path repositoryRoot() {
        String configured = System.getProperty("kirana.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }

    /** The Dockerfile's instructions, one string each: continuation lines joined, comments dropped. */
    static List<String> instructions(List<String> lines) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            result.add(current.toString().replaceAll("\\s+", " ").trim());
            current.setLength(0);
        }
        return result;
    }

    private static List<String> lastStage() {
        int from = -1;
        for (int i = 0; i < dockerfile.size(); i++) {
            if (dockerfile.get(i).startsWith("FROM ")) {
                from = i;
            }
        }
        return dockerfile.subList(from, dockerfile.size());
    }

    private static int indexOf(List<String> instructions, String prefix) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** A service's healthcheck test as one line: CMD/CMD-SHELL and its arguments joined by spaces. */
    private static String healthcheck(String service) {
        Map<String, Object> check = map(services.get(service), "healthcheck");
        if (check.isEmpty() || Boolean.TRUE.equals(check.get("disable"))) {
            return "";
        }
        Object test = check.get("test");
        return test instanceof List<?> list ? String.join(" ", strings(list)) : String.valueOf(test);
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        map(services.get(service), "environment").forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static Document pom(String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(root.resolve(path).toFile());
    }

    private static String property(Document pom, String name) {
        NodeList properties = pom.getDocumentElement().getElementsByTagName("properties");
        for (int i = 0; i < properties.getLength(); i++) {
            String value = text((Element) properties.item(i), name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The text of a direct child element, or null. */
    private static String text(Element parent, String child) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static List<String> modulePoms() throws IOException {
        try (Stream<Path> files = Files.walk(root, 3)) {
            return files.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !root.relativize(p).toString().contains("target"))
                    .map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
