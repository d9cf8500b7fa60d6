package org.celedger.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The layering of ARCHITECTURE.md, held over the compiled classes of the three modules: ledger-domain knows no
 * Spring, no database and no Jackson (the rule-set YAML is read with SnakeYAML into a plain-Java tree);
 * projections never reaches into ledger-app; the write and read sides of the HTTP
 * edge do not import each other, and read controllers ask query objects; no package depends on itself.
 */
class LayeringTest {

    private static final JavaClasses LEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.celedger");

    @Test
    void theDomainUsesNoSpringAndNoDatabase() {
        noClasses().that().resideInAPackage("org.celedger.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "jakarta.persistence..", "com.mongodb..", "org.bson..", "org.h2..",
                        "org.postgresql..", "com.zaxxer..")
                .check(LEDGER);
    }

    @Test
    void theDomainUsesNoJackson() {
        noClasses().that().resideInAPackage("org.celedger.domain..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .because("the JSON shape of the domain's records is ledger-app's (app.web.ApiJsonShapes), and the rule"
                        + " sets are YAML read with SnakeYAML into a plain-Java tree (RuleSetYaml, RuleTree)")
                .check(LEDGER);
    }

    @Test
    void theDomainAndTheProjectionsDoNotReachIntoTheApplication() {
        noClasses().that().resideInAnyPackage("org.celedger.domain..", "org.celedger.projections..")
                .should().dependOnClassesThat().resideInAPackage("org.celedger.app..")
                .check(LEDGER);
        noClasses().that().resideInAPackage("org.celedger.domain..")
                .should().dependOnClassesThat().resideInAPackage("org.celedger.projections..")
                .check(LEDGER);
    }

    @Test
    void theWriteAndReadSidesOfTheHttpEdgeDoNotImportEachOther() {
        noClasses().that().resideInAPackage("org.celedger.app.api..")
                .should().dependOnClassesThat().resideInAPackage("org.celedger.app.read..")
                .check(LEDGER);
        noClasses().that().resideInAPackage("org.celedger.app.read..")
                .should().dependOnClassesThat().resideInAPackage("org.celedger.app.api..")
                .check(LEDGER);
    }

    @Test
    void readControllersAskQueryObjectsNotTheEngineOrTheStores() {
        noClasses().that().resideInAPackage("org.celedger.app.read..").and().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat(simpleName("RuleEngine").or(simpleName("ViewUpdater"))
                        .or(resideInAnyPackage("com.mongodb..", "org.axonframework.eventsourcing.eventstore..")))
                .check(LEDGER);
    }

    /**
     * No package cycles. The rule engine's package and its section packages ({@code awards}, {@code conversions},
     * {@code requirements}, {@code reliefs}, {@code model}) count as one: the engine orchestrates the rule kinds,
     * which write the trace records it declares (ARCHITECTURE.md, "Packages").
     */
    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(LEDGER);
    }

    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (!p.startsWith("org.celedger.")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(p.startsWith("org.celedger.domain.rules") ? "org.celedger.domain.rules" : p);
        }

        @Override
        public String getDescription() {
            return "the packages of org.celedger (the rule engine's as one)";
        }
    };
}
