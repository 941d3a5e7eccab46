package dev.portcullis.benchmarks.client;

/** The server side of {@link OrdersApi}: the same small answer for every call. */
public final class OrderResource implements OrdersApi {

  /** What {@link #order(String)} answers for {@code id}, for the benchmark's checks. */
  public static String answer(String id) {
    return "{\"id\":\"" + id + "\",\"status\":\"shipped\",\"total\":12.5}";
  }

  @Override
  public String order(String id) {
    return answer(id);
  }
}
