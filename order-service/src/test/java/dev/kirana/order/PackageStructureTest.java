package dev.kirana.order;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The service's feature packages depend on each other without cycles: a package others use depends on none of them. */
class PackageStructureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kirana.order");

    @Test
    void featurePackagesFormNoCycles() {
        slices().matching("dev.kirana.order.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
