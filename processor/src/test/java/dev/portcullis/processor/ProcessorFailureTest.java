package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.portcullis.processor.base.Message;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import org.junit.jupiter.api.Test;

/** A bug inside the processor becomes one error with the stack trace, not a javac crash. */
class ProcessorFailureTest {

  @Test
  void exceptionInsideTheProcessorIsReportedAsAnErrorAskingForABugReport() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new ProcessorWithBrokenElements())
            .compile(TestSources.ORDER, TestSources.ORDERS_RESOURCE);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            Message.PROCESSOR_FAILED.format(
                "java.lang.IllegalStateException: broken Elements", ""));
    assertThat(compilation).hadErrorContaining("at dev.portcullis.processor.");
  }

  /**
   * Runs {@link PortcullisProcessor} against an {@link Elements} whose {@code getAllMembers}
   * throws, standing in for any unexpected failure.
   */
  private static final class ProcessorWithBrokenElements extends AbstractProcessor {
    private final PortcullisProcessor delegate = new PortcullisProcessor();

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
      super.init(environment);
      Elements real = environment.getElementUtils();
      Elements broken = proxy(Elements.class, real, "getAllMembers");
      delegate.init(
          proxy(
              ProcessingEnvironment.class,
              environment,
              method -> method.equals("getElementUtils") ? broken : null));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }

    private static <T> T proxy(Class<T> type, T target, String failingMethod) {
      InvocationHandler handler =
          (p, method, args) -> {
            if (method.getName().equals(failingMethod)) {
              throw new IllegalStateException("broken Elements");
            }
            return invoke(method, target, args);
          };
      return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static <T> T proxy(
        Class<T> type, T target, java.util.function.Function<String, Object> replacements) {
      InvocationHandler handler =
          (p, method, args) -> {
            Object replacement = replacements.apply(method.getName());
            return replacement != null ? replacement : invoke(method, target, args);
          };
      return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
        throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
