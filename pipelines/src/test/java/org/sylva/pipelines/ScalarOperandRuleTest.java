package org.sylva.pipelines;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * No Sylva code hands DJL a {@link Number} for an operation whose backward pass keeps that operand
 * ({@code mul}, {@code div}, {@code pow}, {@code maximum}, {@code minimum}): DJL wraps the number in a tensor over
 * a Java buffer the garbage collector may free before the backward pass reads it. {@code org.sylva.models.nn.Scalars}
 * makes the operand in PyTorch memory instead. In-place forms ({@code muli}, ...) are left alone: they run in
 * optimizer updates, outside autograd.
 */
class ScalarOperandRuleTest {

  @Test
  void noNumberOperandsForOperationsAutogradSaves() {
    JavaClasses sylva = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.sylva");
    ArchRule rule = noClasses()
        .should().callMethod(NDArray.class, "mul", Number.class)
        .orShould().callMethod(NDArray.class, "div", Number.class)
        .orShould().callMethod(NDArray.class, "pow", Number.class)
        .orShould().callMethod(NDArray.class, "maximum", Number.class)
        .orShould().callMethod(NDArray.class, "minimum", Number.class)
        .orShould().callMethod(NDArray.class, "rdiv", Number.class)
        .orShould().callMethod(NDArray.class, "rpow", Number.class)
        .orShould().callMethod(NDArrays.class, "mul", NDArray.class, Number.class)
        .orShould().callMethod(NDArrays.class, "mul", Number.class, NDArray.class)
        .orShould().callMethod(NDArrays.class, "div", NDArray.class, Number.class)
        .orShould().callMethod(NDArrays.class, "div", Number.class, NDArray.class)
        .orShould().callMethod(NDArrays.class, "pow", NDArray.class, Number.class)
        .orShould().callMethod(NDArrays.class, "pow", Number.class, NDArray.class)
        .orShould().callMethod(NDArrays.class, "maximum", NDArray.class, Number.class)
        .orShould().callMethod(NDArrays.class, "maximum", Number.class, NDArray.class)
        .orShould().callMethod(NDArrays.class, "minimum", NDArray.class, Number.class)
        .orShould().callMethod(NDArrays.class, "minimum", Number.class, NDArray.class)
        .because("DJL frees a number operand's buffer before autograd's backward pass reads it; use Scalars");
    rule.check(sylva);
  }
}
