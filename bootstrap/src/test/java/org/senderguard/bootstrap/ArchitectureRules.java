package org.senderguard.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;

/**
 * The dependency rule of the hexagon, for the classes under {@code root}: the domain and the
 * application know no framework, adapters know only the application, and only bootstrap knows
 * everything. Parameterised by root so that a fixture can prove each rule really fails.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static List<ArchRule> all(String root) {
        return List.of(layers(root), frameworkFreeCore(root), inPortsIndependentOfOutPorts(root),
                noFieldInjection(), noStandardStreams(root));
    }

    static ArchRule layers(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage(root + "..")
                .layer("Domain").definedBy(root + ".domain..")
                .layer("Application").definedBy(root + ".application..")
                .layer("Rest").definedBy(root + ".adapters.rest..")
                .layer("Cli").definedBy(root + ".adapters.cli..")
                .layer("Persistence").definedBy(root + ".adapters.persistence..")
                .layer("Email").definedBy(root + ".adapters.email..")
                .layer("Dns").definedBy(root + ".adapters.dns..")
                .layer("Portal").definedBy(root + ".adapters.portal..")
                .layer("Bootstrap").definedBy(root + ".bootstrap..")
                .whereLayer("Rest").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Email").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Dns").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Portal").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Rest", "Cli", "Persistence", "Email", "Dns", "Portal",
                        "Bootstrap")
                .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
                .ensureAllClassesAreContainedInArchitecture();
    }

    static ArchRule frameworkFreeCore(String root) {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "jakarta..", "javax.inject..", "picocli..", "java.sql..", "javax.sql..",
                        "org.flywaydb..", "io.netty..", "com.fasterxml..")
                .because("the domain and the application must not know any framework or the database");
    }

    static ArchRule inPortsIndependentOfOutPorts(String root) {
        return noClasses().that().resideInAPackage(root + "..port.in..")
                .should().dependOnClassesThat().resideInAPackage(root + "..port.out..")
                .because("a use case's interface must not expose how it is implemented");
    }

    static ArchRule noFieldInjection() {
        return GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
    }

    /** Commands print through picocli's writers and the server logs; only main reports a failed start. */
    static ArchRule noStandardStreams(String root) {
        return noClasses().that().doNotHaveFullyQualifiedName(root + ".bootstrap.Senderguard")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);
    }
}
