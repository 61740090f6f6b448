package lt.smssafe.testing;

/**
 * What a test does while something is off (the database stopped, a column renamed): it returns what it got, and a
 * checked failure it meets is passed on as it is.
 *
 * @param <T> what it returns
 * @param <E> what it may throw; a lambda that throws nothing checked makes it {@link RuntimeException}
 */
@FunctionalInterface
public interface Meanwhile<T, E extends Exception> {
    T get() throws E;
}
