package lt.smssafe.config;

import java.util.Optional;
import javax.naming.Context;
import javax.naming.NamingException;

/**
 * Keys bound under {@code java:comp/env/smssafe/}. Each look-up opens its own context: {@code java:comp} is tied
 * to the web application, and the few look-ups at start-up do not need a cached one.
 */
final class JndiSource implements ConfigSource {
    static final String PREFIX = "java:comp/env/smssafe/";

    /** Opens a naming context; {@code InitialContext::new} in production, a stub in tests. */
    @FunctionalInterface
    interface ContextFactory {
        Context open() throws NamingException;
    }

    private final ContextFactory contexts;

    JndiSource(ContextFactory contexts) {
        this.contexts = contexts;
    }

    /**
     * The bound value as text: a Tomcat {@code <Environment>} may bind a String, an Integer or a Boolean. A name
     * that is not bound, or no naming context at all (plain Java, unit tests), means the key is not set here.
     */
    @Override
    public Optional<String> get(String key) {
        Context context = null;
        try {
            context = contexts.open();
            Object bound = context.lookup(PREFIX + key);
            return bound == null ? Optional.empty() : Optional.of(String.valueOf(bound));
        } catch (NamingException e) {
            return Optional.empty();
        } finally {
            close(context);
        }
    }

    private static void close(Context context) {
        if (context != null) {
            try {
                context.close();
            } catch (NamingException e) {
                // nothing was leased from it that could leak; the value, if any, is already read
            }
        }
    }

    @Override
    public String describe() {
        return "JNDI " + PREFIX + "<key>";
    }

    @Override
    public String toString() {
        return describe();
    }
}
