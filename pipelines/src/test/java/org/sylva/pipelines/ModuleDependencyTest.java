package org.sylva.pipelines;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: {@code pipelines -> geo, models, physics} and {@code physics -> models}.
 * {@code models} and {@code physics} know nothing of {@code geo}; nothing but pipelines knows pipelines.
 */
class ModuleDependencyTest {

  private static JavaClasses sylva;

  @BeforeAll
  static void importClasses() {
    sylva = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.sylva");
  }

  @Test
  void everyModuleIsImported() {
    for (String pkg : new String[] {"org.sylva.geo", "org.sylva.models", "org.sylva.pipelines"}) {
      org.assertj.core.api.Assertions.assertThat(sylva.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
          .as("classes of %s on the test classpath", pkg)
          .isTrue();
    }
  }

  @Test
  void modelsAndPhysicsDoNotUseGeo() {
    noClasses().that().resideInAnyPackage("org.sylva.models..", "org.sylva.physics..")
        .should().dependOnClassesThat().resideInAPackage("org.sylva.geo..")
        .check(sylva);
  }

  @Test
  void nothingButPipelinesUsesPipelines() {
    noClasses().that().resideOutsideOfPackage("org.sylva.pipelines..")
        .should().dependOnClassesThat().resideInAPackage("org.sylva.pipelines..")
        .check(sylva);
  }

  @Test
  void geoAndModelsDoNotUsePhysics() {
    noClasses().that().resideInAnyPackage("org.sylva.geo..", "org.sylva.models..")
        .should().dependOnClassesThat().resideInAPackage("org.sylva.physics..")
        .check(sylva);
  }

  @Test
  void geoDoesNotUseModels() {
    noClasses().that().resideInAPackage("org.sylva.geo..")
        .should().dependOnClassesThat().resideInAPackage("org.sylva.models..")
        .check(sylva);
  }
}
