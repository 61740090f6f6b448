package lt.smssafe.action;

import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceLoader;
import lt.smssafe.api.PaymentAction;

/** Finds the site owner's payment action: the {@code action} key, else a ServiceLoader entry, else logging only. */
public final class PaymentActions {
    private PaymentActions() {
    }

    /**
     * @throws IllegalArgumentException when the named class cannot be loaded or instantiated, or more than one
     *     action is registered for ServiceLoader (which one runs must not depend on class-path order)
     */
    public static PaymentAction find(Optional<String> className, ClassLoader loader) {
        return configured(className, loader).orElseGet(LoggingPaymentAction::new);
    }

    /**
     * The site owner's own action, named by the {@code action} key or registered for ServiceLoader; empty when there
     * is none (then {@link #find} logs, or the webhook alone delivers).
     *
     * @throws IllegalArgumentException as {@link #find} does
     */
    public static Optional<PaymentAction> configured(Optional<String> className, ClassLoader loader) {
        if (className.isPresent()) {
            return Optional.of(instantiate(className.get(), loader));
        }
        Iterator<PaymentAction> registered = ServiceLoader.load(PaymentAction.class, loader).iterator();
        if (!registered.hasNext()) {
            return Optional.empty();
        }
        PaymentAction action = registered.next();
        if (registered.hasNext()) {
            throw new IllegalArgumentException("more than one PaymentAction is registered in META-INF/services: "
                    + action.getClass().getName() + " and " + registered.next().getClass().getName()
                    + "; name one with the 'action' key");
        }
        return Optional.of(action);
    }

    private static PaymentAction instantiate(String className, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            if (!PaymentAction.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException("class '" + className + "' does not implement "
                        + PaymentAction.class.getName());
            }
            return (PaymentAction) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("class '" + className + "' is not found", e);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException("class '" + className
                    + "' cannot be created with a public no-argument constructor: " + e, e);
        }
    }
}
