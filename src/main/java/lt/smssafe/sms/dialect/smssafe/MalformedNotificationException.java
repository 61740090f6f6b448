package lt.smssafe.sms.dialect.smssafe;

/**
 * A notification with a parameter missing, given more than once, or not in its form (docs/protocol.md §2). It names the
 * first such parameter in the protocol's order, which is what the gateway is told in the {@code 400} answer.
 *
 * <p>Checked on purpose: a caller's mistake must end as a {@code 400}, never as an unchecked exception that a
 * container turns into a {@code 500}.
 */
public final class MalformedNotificationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the protocol name of the offending parameter, e.g. {@code cost_local}
     * @param message what is wrong with it, with the offending value where there is one
     */
    public MalformedNotificationException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The protocol name of the offending parameter, e.g. {@code cost_local}. */
    public String parameter() {
        return parameter;
    }
}
