package lt.smssafe.mbs.wire;

import jakarta.xml.ws.WebFault;

/** The SOAP fault {@code mbsFault}: the platform refused the request and changed nothing. */
@WebFault(name = "mbsFault", targetNamespace = MbsDirectPort.NAMESPACE)
public class MbsFaultException extends Exception {
    private static final long serialVersionUID = 1L;

    // the JAX-WS fault-bean pattern: the detail element travels as this bean, read with getFaultInfo()
    private final transient MbsFault faultInfo;

    public MbsFaultException(String message, MbsFault faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public MbsFaultException(String message, MbsFault faultInfo, Throwable cause) {
        super(message, cause);
        this.faultInfo = faultInfo;
    }

    /** The fault's detail: state, description and the transaction concerned. */
    public MbsFault getFaultInfo() {
        return faultInfo;
    }
}
