package dev.portcullis.processor;

import com.google.auto.service.AutoService;
import dev.portcullis.processor.base.CompilerTrees;
import dev.portcullis.processor.base.Message;
import dev.portcullis.processor.base.ProcessingStep;
import dev.portcullis.processor.base.ProcessorContext;
import dev.portcullis.processor.base.Steps;
import dev.portcullis.processor.catalogue.ScopeCatalogueStep;
import dev.portcullis.processor.catalogue.ScopeCatalogues;
import dev.portcullis.processor.client.ClientStubStep;
import dev.portcullis.processor.manifest.ScopeManifestStep;
import dev.portcullis.processor.requirement.DeclaredRequirements;
import dev.portcullis.processor.requirement.ExplicitDecisionPolicy;
import dev.portcullis.processor.requirement.RequirementStep;
import dev.portcullis.processor.resource.ResourceStep;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Checks Portcullis annotations at compile time and writes, for every concrete JAX-RS
 * resource class with requirements, its token-validation filter {@code
 * <Resource>_PortcullisFilter}, for every {@code @OAuthClient}
 * interface its stub, and the scope manifest.
 *
 * <p>The work is done by {@link ProcessingStep}s, run in this order each round by {@link Steps},
 * which also offers again the types a step deferred: the {@link RequirementStep} checks every
 * Portcullis annotation where it is written; the {@link ScopeCatalogueStep} reads the
 * catalogues and the scopes used; the {@link ClientStubStep} writes the clients; the {@link
 * ResourceStep} writes the filters, also for resource classes without Portcullis annotations
 * of their own, because they may inherit them; at the end of each round the catalogue step
 * checks the round's scopes against the catalogues. After the last round the {@link
 * ScopeManifestStep} writes the scope manifest, one fragment {@code
 * META-INF/portcullis/scopes/<binary name>.json} per resource class, client and catalogue.
 */
@AutoService(Processor.class)
public final class PortcullisProcessor extends AbstractProcessor {
  private ProcessorContext context;
  private DeclaredRequirements declaredRequirements;
  private Steps steps;

  /** Creates the processor; javac finds it through {@link java.util.ServiceLoader}. */
  public PortcullisProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    context = ProcessorContext.of(processingEnv);
    declaredRequirements = new DeclaredRequirements(context);
    ScopeCatalogues catalogues =
        new ScopeCatalogues(context, CompilerTrees.of(processingEnv));
    ExplicitDecisionPolicy explicitDecisions =
        new ExplicitDecisionPolicy(processingEnv.getOptions(), context);
    ScopeManifestStep manifestStep = new ScopeManifestStep(context, catalogues);
    ClientStubStep clientStep =
        new ClientStubStep(context, declaredRequirements, catalogues::satisfying, manifestStep);
    steps =
        new Steps(
            List.of(
                new RequirementStep(context, declaredRequirements, explicitDecisions),
                new ScopeCatalogueStep(context, catalogues, declaredRequirements),
                clientStep,
                new ResourceStep(
                    context,
                    declaredRequirements,
                    catalogues,
                    explicitDecisions,
                    manifestStep,
                    clientStep::isGeneratedStub),
                manifestStep),
            context);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(ExplicitDecisionPolicy.OPTION);
  }

  /**
   * Every annotation type, and none: a module whose resource classes only implement annotated
   * interfaces from another jar carries no annotation this processor could name ({@code
   * @Override} at most), and javac calls a processor only for the annotation types it supports.
   * The processor never claims any.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    try {
      // What javac answered in the previous round may change: it completes classes again.
      context.startRound();
      declaredRequirements.startRound();
      if (roundEnv.processingOver()) {
        steps.processingOver();
      } else {
        steps.process(roundEnv);
      }
    } catch (Throwable t) { // A crash must reach the user as a diagnostic, not abort javac.
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      context.reporter().report(Message.PROCESSOR_FAILED, null, t, trace);
    }
    // Never claim: other processors may want the JAX-RS annotations too.
    return false;
  }
}
