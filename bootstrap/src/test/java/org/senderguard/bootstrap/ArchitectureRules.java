package org.senderguard.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The dependency rule of the hexagon, for the classes under {@code root}: the domain and the
 * application know no framework, adapters know only the application, and only bootstrap knows
 * everything. Parameterised by root so that a fixture can prove each rule really fails.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The adapter modules, by their package under {@code adapters}: adding an adapter is one entry here. */
    static final List<String> ADAPTERS = List.of("rest", "cli", "persistence", "email", "dns", "portal", "postfix",
            "metrics");

    static List<ArchRule> all(String root) {
        return List.of(layers(root), frameworkFreeCore(root), inPortsIndependentOfOutPorts(root),
                adaptersUsePortsOnly(root), noFieldInjection(), noStandardStreams(root));
    }

    static ArchRule layers(String root) {
        LayeredArchitecture layers = layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage(root + "..")
                .layer("Domain").definedBy(root + ".domain..")
                .layer("Application").definedBy(root + ".application..")
                .layer("Bootstrap").definedBy(root + ".bootstrap..");
        for (String adapter : ADAPTERS) {
            layers = layers.layer(adapterLayer(adapter)).definedBy(root + ".adapters." + adapter + "..");
        }
        for (String adapter : ADAPTERS) {
            layers = layers.whereLayer(adapterLayer(adapter)).mayOnlyBeAccessedByLayers("Bootstrap");
        }
        List<String> adaptersAndBootstrap = new ArrayList<>(ADAPTERS.stream().map(ArchitectureRules::adapterLayer)
                .toList());
        adaptersAndBootstrap.add("Bootstrap");
        return layers
                .whereLayer("Application").mayOnlyBeAccessedByLayers(adaptersAndBootstrap.toArray(String[]::new))
                .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
                .ensureAllClassesAreContainedInArchitecture();
    }

    private static String adapterLayer(String adapter) {
        return "adapters." + adapter;
    }

    /** Adapters drive the application through its in-ports and implement its out-ports; services are bootstrap's to wire. */
    static ArchRule adaptersUsePortsOnly(String root) {
        return noClasses().that().resideInAPackage(root + ".adapters..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application.service..")
                .because("an adapter must know the application only through port.in and port.out");
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
