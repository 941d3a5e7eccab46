package dev.portcullis.internal.filters;

import dev.portcullis.spi.ResourceFilter;

/**
 * The runtime's startup refusals, formatted from its own constants for tests in other packages,
 * so that they compare whole messages.
 */
public final class StartupMessages {
  private StartupMessages() {}

  /** A class with Portcullis annotations but no generated filter. */
  public static String processorMissing(Class<?> resourceClass) {
    return String.format(GeneratedFilterFeature.PROCESSOR_MISSING, resourceClass.getName(),
        ResourceFilter.filterName(resourceClass));
  }

  /** A class with Portcullis annotations in an application without PortcullisFeature. */
  public static String featureMissing(Class<?> resourceClass) {
    return String.format(FeatureRegistrationCheck.FEATURE_MISSING, resourceClass.getName());
  }

  /** A class whose filter, found through its loader, guards a copy of the class from another loader. */
  public static String filterOfAnotherCopy(Class<?> served, Class<?> guarded) {
    return String.format(GeneratedFilters.OTHER_LOADER, ResourceFilter.filterName(served), served.getName(),
        guarded.getClassLoader(), served.getClassLoader());
  }
}
