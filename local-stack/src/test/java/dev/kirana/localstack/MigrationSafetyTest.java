package dev.kirana.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Upgrades are rolling: each service runs its Flyway migrations when a new replica starts, while replicas of the
 * previous release still serve on the same schema. A migration must therefore leave the schema usable by the previous
 * release (expand now, contract in a later release). This fails the build on a statement that breaks the replicas still
 * running — dropping or renaming what they read, changing a column's type, making a column they do not write NOT NULL —
 * unless the file explains, in a {@code -- rolling-deploy: …} comment, why it is safe. (A migration that has run
 * somewhere cannot be edited — Flyway would refuse its changed checksum — so those written before this rule are
 * listed in {@link #BEFORE_THE_FIRST_RELEASE} with their reason instead.)
 */
class MigrationSafetyTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** What breaks a replica of the previous release that is still running. */
    static final List<Rule> RULES = List.of(
            new Rule("drops a table the previous release may read", "\\bDROP\\s+TABLE\\b"),
            new Rule("drops a column the previous release may read or write", "\\bDROP\\s+COLUMN\\b"),
            new Rule("renames what the previous release names", "\\bRENAME\\b"),
            new Rule("changes a column's type under the previous release", "\\bALTER\\s+COLUMN\\s+\\w+\\s+(SET\\s+DATA\\s+)?TYPE\\b"),
            new Rule("makes a column NOT NULL that the previous release does not write", "\\bALTER\\s+COLUMN\\s+\\w+\\s+SET\\s+NOT\\s+NULL\\b"),
            new Rule("adds a NOT NULL column without a default (the previous release's inserts fail)",
                    "\\bADD\\s+COLUMN\\s+(IF\\s+NOT\\s+EXISTS\\s+)?\\w+\\s+(?:(?!\\bDEFAULT\\b)[^,;])*\\bNOT\\s+NULL\\b(?:(?!\\bDEFAULT\\b)[^,;])*[,;]"));

    /** Migrations older than the first release (0.1.0): no replica of an earlier release ever ran beside them. */
    static final java.util.Map<String, String> BEFORE_THE_FIRST_RELEASE = java.util.Map.of(
            "accounting-service/src/main/resources/db/migration/V41__khata_payment_account.sql",
            "SET NOT NULL on khata_payments.account, which code before V41 does not write: unsafe beside such a replica",
            "reporting-service/src/main/resources/db/migration/V2__read_models_own_schema.sql",
            "DROP TABLE daily_sales, which reporting before V2 reads: unsafe beside such a replica");

    static final Pattern EXPLAINED = Pattern.compile("^\\s*--\\s*rolling-deploy:\\s*(\\S.{9,})$", Pattern.MULTILINE);

    record Rule(String why, String regex) {
        Pattern pattern() {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        }
    }

    @Test
    void everyMigrationKeepsThePreviousReleaseWorking() throws IOException {
        List<Path> migrations = migrations();
        assertThat(migrations).as("migrations under */src/main/resources/db/").hasSizeGreaterThan(20);
        List<String> problems = new ArrayList<>();
        for (Path file : migrations) {
            String sql = Files.readString(file);
            if (EXPLAINED.matcher(sql).find()
                    || BEFORE_THE_FIRST_RELEASE.containsKey(ROOT.relativize(file).toString().replace('\\', '/'))) continue;
            for (String finding : findings(sql)) {
                problems.add(ROOT.relativize(file) + ": " + finding);
            }
        }
        assertThat(problems)
                .as("statements that break replicas of the previous release during a rolling deploy; split the change "
                        + "(expand now, contract in a later release) or say why it is safe in a '-- rolling-deploy: …' comment")
                .isEmpty();
    }

    @Test
    void theRulesCatchWhatTheySay() {
        assertThat(findings("ALTER TABLE orders DROP COLUMN note;")).hasSize(1);
        assertThat(findings("drop table daily_sales;")).hasSize(1);
        assertThat(findings("ALTER TABLE orders RENAME COLUMN note TO remark;")).hasSize(1);
        assertThat(findings("ALTER TABLE orders ALTER COLUMN total TYPE NUMERIC(14,2);")).hasSize(1);
        assertThat(findings("ALTER TABLE khata_payments ALTER COLUMN account SET NOT NULL;")).hasSize(1);
        assertThat(findings("ALTER TABLE orders ADD COLUMN channel TEXT NOT NULL;")).hasSize(1);
        // what an expanding migration does passes
        assertThat(findings("ALTER TABLE orders ADD COLUMN channel TEXT NOT NULL DEFAULT 'POS';")).isEmpty();
        assertThat(findings("ALTER TABLE orders ADD COLUMN channel TEXT, ADD COLUMN till TEXT;")).isEmpty();
        assertThat(findings("CREATE TABLE t (id UUID NOT NULL, name TEXT NOT NULL);")).isEmpty();
        assertThat(findings("-- once: ALTER TABLE orders DROP COLUMN note;\nSELECT 1;")).as("comments are not statements").isEmpty();
        assertThat(EXPLAINED.matcher("-- rolling-deploy: the column was added before the first release\nDROP TABLE x;").find()).isTrue();
        assertThat(EXPLAINED.matcher("-- rolling-deploy: ok\nDROP TABLE x;").find()).as("a reason, not a token").isFalse();
    }

    static List<String> findings(String sql) {
        String statements = sql.replaceAll("--[^\\n]*", " ");
        List<String> found = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(statements);
            while (m.find()) {
                found.add(rule.why() + " (`" + m.group().strip().replaceAll("\\s+", " ") + "`)");
            }
        }
        return found;
    }

    static List<Path> migrations() throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(ROOT) && (name.startsWith(".") || name.equals("target") || name.equals("node_modules"))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.toString().endsWith(".sql") && file.toString().replace('\\', '/').contains("/src/main/resources/db/")) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

    @Test
    void theMigrationsFoundAreTheServicesOwn() throws IOException {
        List<String> modules = migrations().stream().map(p -> ROOT.relativize(p).getName(0).toString().toLowerCase(Locale.ROOT))
                .distinct().toList();
        assertThat(modules).contains("accounting-service", "auth-service", "catalog-service", "inventory-service",
                "order-service", "reporting-service", "platform");
    }
}
