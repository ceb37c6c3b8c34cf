package dev.kirana.catalog.category;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CategoryPathTest {
    @Test
    void pathsAsTypedInSpreadsheets() {
        assertThat(CategoryPath.parse("Groceries > Staples > Atta")).containsExactly("Groceries", "Staples", "Atta");
        assertThat(CategoryPath.parse(" Groceries/Staples ")).containsExactly("Groceries", "Staples");
        assertThat(CategoryPath.parse("  ")).isEmpty();
    }

    @Test
    void namesMustNotHoldSeparators() {
        assertThat(CategoryPath.nameProblem("Dals & Pulses")).isEmpty();
        assertThat(CategoryPath.nameProblem("Oil/Ghee")).isPresent();
        assertThat(CategoryPath.nameProblem(" ")).hasValue("must not be blank");
        assertThat(CategoryPath.nameProblem("x".repeat(81))).hasValue("at most 80 characters");
    }

    @Test
    void idPathsFindSubtreesAndRefuseCycles() {
        UUID root = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        String rootPath = CategoryPath.idPath(null, root);
        String childPath = CategoryPath.idPath(rootPath, child);
        assertThat(childPath).isEqualTo("/" + root + "/" + child + "/");
        assertThat(CategoryPath.namePath("Groceries", "Staples")).isEqualTo("Groceries > Staples");
        assertThat(CategoryPath.wouldCycle(rootPath, childPath)).isTrue();
        assertThat(CategoryPath.wouldCycle(rootPath, rootPath)).isTrue();
        assertThat(CategoryPath.wouldCycle(childPath, rootPath)).isFalse();
        assertThat(CategoryPath.wouldCycle(childPath, null)).isFalse();
    }

    @Test
    void movingASubtreeKeepsItsShape() {
        // a two-level subtree rooted at depth 2 moved under a depth-4 parent reaches depth 6
        assertThat(CategoryPath.depthAfterMove(2, 3, 5)).isEqualTo(6);
        assertThat(CategoryPath.depthAfterMove(3, 3, 1)).isEqualTo(1);
    }
}
