package mq.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies run one way: between packages (no cycles at all) and between modules (each layer is
 * used only by the layers above it, as docs/ARCHITECTURE.md draws them). Maven already refuses a
 * module that imports one it does not depend on; these rules also catch a dependency added to a pom
 * that turns the graph around, and cycles between the packages of one module.
 */
class ArchitectureTest {
    // Main code of every module this one depends on (that is all of them but the benchmarks).
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("mq");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("mq.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void modulesDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("mq.cli..")
                .layer("labs/lab").definedBy("mq.lab.threads..", "mq.lab.scale..", "mq.lab.chaos..", "mq.lab.fit..", "mq.lab.report..")
                .layer("labs/kernels").definedBy("mq.lab.kernels..")
                .layer("launcher").definedBy("mq.launcher..")
                .layer("generate").definedBy("mq.generate..")
                .layer("metrics").definedBy("mq.metrics..")
                .layer("broker").definedBy("mq.broker..")
                .layer("producer").definedBy("mq.producer..")
                .layer("worker").definedBy("mq.worker..")
                .layer("aggregator").definedBy("mq.aggregator..")
                .layer("common").definedBy("mq.common..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("labs/lab").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("labs/kernels").mayOnlyBeAccessedByLayers("labs/lab", "cli")
                .whereLayer("launcher").mayOnlyBeAccessedByLayers("labs/lab", "cli")
                .whereLayer("generate").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("broker").mayOnlyBeAccessedByLayers("launcher", "labs/lab", "cli")
                .whereLayer("producer").mayOnlyBeAccessedByLayers("launcher", "labs/lab", "cli")
                .whereLayer("worker").mayOnlyBeAccessedByLayers("launcher", "labs/lab", "cli")
                .whereLayer("aggregator").mayOnlyBeAccessedByLayers("metrics", "launcher", "labs/lab", "cli")
                .whereLayer("common").mayOnlyBeAccessedByLayers("producer", "worker", "aggregator", "metrics",
                        "launcher", "labs/lab", "cli")
                .check(CLASSES);
    }
}
