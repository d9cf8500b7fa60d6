package org.celedger.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The layering of ARCHITECTURE.md, held over the compiled classes of the three modules: ledger-domain knows no
 * Spring, no database and no Jackson annotation (Jackson's tree model reads the rule-set YAML, in the classes
 * named here and nowhere else); projections never reaches into ledger-app; the write and read sides of the HTTP
 * edge do not import each other, and read controllers ask query objects; no package depends on itself.
 */
class LayeringTest {

    private static final JavaClasses LEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.celedger");

    /**
     * The one exception to "no Jackson in the domain": the rule sets are YAML, parsed into Jackson's tree,
     * their layers merged and the resolved tree hashed into the version (RuleSetReader and the classes it uses).
     */
    private static final Set<String> RULE_SET_READERS =
            Set.of("RuleSetReader", "RuleSetLayers", "RuleSetNode", "ParamType", "RuleSet", "RuleSets");

    private static final DescribedPredicate<JavaClass> RULE_SET_READING = DescribedPredicate.describe(
            "read rule sets (" + String.join(", ", RULE_SET_READERS) + ")",
            c -> c.getPackageName().equals("org.celedger.domain.rules")
                    && RULE_SET_READERS.contains(c.getName().substring(c.getPackageName().length() + 1).split("\\$")[0]));

    @Test
    void theDomainUsesNoSpringAndNoDatabase() {
        noClasses().that().resideInAPackage("org.celedger.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "jakarta.persistence..", "com.mongodb..", "org.bson..", "org.h2..",
                        "org.postgresql..", "com.zaxxer..")
                .check(LEDGER);
    }

    @Test
    void theDomainCarriesNoJacksonAnnotations() {
        noClasses().that().resideInAPackage("org.celedger.domain..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.annotation..")
                .because("the JSON shape of the domain's records is ledger-app's (app.web.ApiJsonShapes)")
                .check(LEDGER);
    }

    @Test
    void onlyTheRuleSetReaderUsesJacksonInTheDomain() {
        noClasses().that().resideInAPackage("org.celedger.domain..").and(not(RULE_SET_READING))
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .because("the rule sets are YAML read through Jackson's tree model; nothing else in the domain is JSON")
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
