package lt.smssafe.sms.dialect;

import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.GatewayEvent;

/**
 * A live gateway's dialect (Fortumo, Paysera: docs/protocol.md §8), whose first check of §8's order is done here once
 * for both, so that no live dialect reads a parameter of a caller {@code notify.allow} refuses. What the request
 * carries is the subclass's to read, as {@link Parameters}.
 */
public abstract class LiveDialect implements Dialect {
    private final AddressFilter allow;

    protected LiveDialect(AddressFilter allow) {
        this.allow = allow;
    }

    /** The caller first ({@code 403}), then the request ({@link #readAllowed}). */
    @Override
    public final GatewayEvent read(GatewayRequest request) throws RejectedRequestException {
        allow.check(request.remoteAddress());
        return readAllowed(request, Parameters.of(request.parameters()));
    }

    /**
     * The request of an allowed caller → the verified paid message or report, as {@link #read} says.
     *
     * @param parameters the request's parameters, to be read one by one in the dialect's order
     * @throws RejectedRequestException for the first of the dialect's checks that fails
     */
    protected abstract GatewayEvent readAllowed(GatewayRequest request, Parameters parameters)
            throws RejectedRequestException;
}
