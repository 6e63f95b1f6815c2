package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    /** Production classes only: no test classes, no test jars (the shared MariaDB fixtures). */
    private static final ImportOption PRODUCTION = location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS
            .includes(location) && !location.contains("-tests.jar") && !location.contains("/archfixture/");

    private static final JavaClasses PROJECT = new ClassFileImporter().withImportOption(PRODUCTION)
            .importPackages("org.senderguard");

    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("org.senderguard.archfixture");

    @Test
    void importsEveryModule() {
        assertThat(PROJECT.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("domain", "application", "adapters", "bootstrap");
        assertThat(PROJECT.containPackage("org.senderguard.adapters.persistence")).isTrue();
        assertThat(PROJECT.containPackage("org.senderguard.adapters.rest")).isTrue();
        assertThat(PROJECT.containPackage("org.senderguard.adapters.cli")).isTrue();
        assertThat(PROJECT.containPackage("org.senderguard.adapters.email")).isTrue();
    }

    @Test
    void projectFollowsTheDependencyRule() {
        ArchitectureRules.layers("org.senderguard").check(PROJECT);
    }

    @Test
    void domainAndApplicationAreFrameworkFree() {
        ArchitectureRules.frameworkFreeCore("org.senderguard").check(PROJECT);
    }

    @Test
    void inPortsDoNotDependOnOutPorts() {
        ArchitectureRules.inPortsIndependentOfOutPorts("org.senderguard").check(PROJECT);
    }

    @Test
    void adaptersUsePortsOnly() {
        ArchitectureRules.adaptersUsePortsOnly("org.senderguard").check(PROJECT);
    }

    @Test
    void everyAdapterModuleIsALayer() {
        assertThat(PROJECT.stream().map(JavaClass::getPackageName).filter(p -> p.startsWith("org.senderguard.adapters."))
                .map(p -> p.split("\\.")[3]).distinct()).containsExactlyInAnyOrderElementsOf(ArchitectureRules.ADAPTERS);
    }

    @Test
    void noFieldInjection() {
        ArchitectureRules.noFieldInjection().check(PROJECT);
    }

    @Test
    void noStandardStreams() {
        ArchitectureRules.noStandardStreams("org.senderguard").check(PROJECT);
    }

    /** Each rule must catch the fixture's deliberate breach of it, or it proves nothing. */
    @Test
    void everyRuleReportsTheFixturesViolations() {
        for (ArchRule rule : ArchitectureRules.all("org.senderguard.archfixture")) {
            EvaluationResult result = rule.evaluate(FIXTURE);
            assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        }
        String layerViolations = String.join("\n",
                ArchitectureRules.layers("org.senderguard.archfixture").evaluate(FIXTURE).getFailureReport().getDetails());
        assertThat(layerViolations)
                .contains("adapters.rest.RestTalksToPersistence")
                .contains("domain.DomainUsesApplication")
                .contains("Unassigned");
        assertThat(ArchitectureRules.adaptersUsePortsOnly("org.senderguard.archfixture").evaluate(FIXTURE)
                .getFailureReport().getDetails()).anyMatch(line -> line.contains("adapters.cli.CliCallsService"));
    }
}
