package lt.smssafe.mbs;

import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.http.HTTPException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.lang.reflect.Method;
import java.util.Optional;
import lt.smssafe.mbs.wire.MbsFault;
import lt.smssafe.mbs.wire.MbsFaultException;

/** Turns what JAX-WS throws into the client's two kinds of failure, {@link MbsException}. */
final class WireFailures {
    // the message key of Metro's ClientTransportException for an HTTP error status
    private static final String METRO_HTTP_STATUS_KEY = "http.status.code";

    private WireFailures() {
    }

    /** The platform's {@code mbsFault}: a refusal with its state. */
    static MbsRefusedException refused(MbsFaultException e) {
        MbsFault fault = e.getFaultInfo();
        if (fault == null || fault.state == null) {
            return new MbsRefusedException(MbsState.INVALID_REQUEST, "refused without a state: " + e.getMessage(),
                    null, e);
        }
        String description = fault.description == null ? e.getMessage() : fault.description;
        return new MbsRefusedException(fault.state, description, null, e);
    }

    /**
     * Anything else: a SOAP fault without our detail, an HTTP error status, or no answer at all. Only the platform
     * refusing our request or our credentials is a refusal; everything else is "unavailable", since asking again
     * later may well work.
     */
    static MbsException classify(String operation, MbsConfig config, WebServiceException e) {
        if (e instanceof SOAPFaultException soapFault) {
            SOAPFault fault = soapFault.getFault();
            String code = fault.getFaultCodeAsQName() == null ? "" : fault.getFaultCodeAsQName().getLocalPart();
            if ("Client".equals(code)) {
                return new MbsRefusedException(MbsState.INVALID_REQUEST, "the MBS platform refused " + operation
                        + ": " + fault.getFaultString(), null, e);
            }
            return new MbsUnavailableException("the MBS platform failed on " + operation + ": "
                    + fault.getFaultString(), e);
        }
        Optional<Integer> status = httpStatus(e);
        if (status.isPresent()) {
            int code = status.get();
            if (code == 401 || code == 403) {
                return new MbsRefusedException(MbsState.UNAUTHORIZED, "the MBS platform refused the credentials of"
                        + " service " + config.serviceId() + " (HTTP " + code + ")", null, e);
            }
            return new MbsUnavailableException("the MBS platform at " + config.endpoint() + " answered " + operation
                    + " with HTTP " + code, e);
        }
        return new MbsUnavailableException("no usable answer from the MBS platform at " + config.endpoint() + " to "
                + operation + ": " + rootCause(e), e);
    }

    /**
     * The HTTP status of an error answer. Metro carries it only as the arguments of its localized message (whose
     * text depends on the locale), so they are read by name rather than by compiling against Metro's internals.
     */
    static Optional<Integer> httpStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HTTPException http) {
                return Optional.of(http.getStatusCode());
            }
            try {
                Method key = t.getClass().getMethod("getKey");
                Method arguments = t.getClass().getMethod("getArguments");
                if (METRO_HTTP_STATUS_KEY.equals(key.invoke(t)) && arguments.invoke(t) instanceof Object[] args
                        && args.length > 0 && args[0] instanceof Number code) {
                    return Optional.of(code.intValue());
                }
            } catch (ReflectiveOperationException | RuntimeException notMetro) {
                // not Metro's exception, or not its shape: no status known
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
