import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The floor for any annotation processor in the javac benchmark: it asks for the same
 * annotations as the Portcullis processor (every type, {@code "*"}) and does nothing, so javac
 * runs its processing rounds (and enters every source again for the last one) with no
 * processor work at all.
 */
@SupportedAnnotationTypes("*")
public class NoOpProcessor extends AbstractProcessor {
  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return false;
  }
}
