package lt.smssafe.mbs.wire;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;

/**
 * The port type {@code MbsDirectPortType} of {@code mbs-direct.wsdl}: document/literal, each message one element
 * ("bare"), so every request and answer is one of the classes of this package.
 */
@WebService(name = "MbsDirectPortType", targetNamespace = MbsDirectPort.NAMESPACE)
@SOAPBinding(style = SOAPBinding.Style.DOCUMENT, use = SOAPBinding.Use.LITERAL,
        parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface MbsDirectPort {
    /** The target namespace of the WSDL and its schema. */
    String NAMESPACE = "urn:mbs:direct:1";

    /** Charges a registered account; the money is reserved, or the transaction fails. */
    @WebMethod(operationName = "bill", action = "")
    @WebResult(name = "billResponse", targetNamespace = NAMESPACE, partName = "parameters")
    BillResponse bill(
            @WebParam(name = "bill", targetNamespace = NAMESPACE, partName = "parameters") Bill request)
            throws MbsFaultException;

    /** Charges the account with this phone number at this operator. */
    @WebMethod(operationName = "billByMSISDN", action = "")
    @WebResult(name = "billByMSISDNResponse", targetNamespace = NAMESPACE, partName = "parameters")
    BillByMsisdnResponse billByMSISDN(
            @WebParam(name = "billByMSISDN", targetNamespace = NAMESPACE, partName = "parameters")
            BillByMsisdn request) throws MbsFaultException;

    /** One transaction of the calling service. */
    @WebMethod(operationName = "getTransaction", action = "")
    @WebResult(name = "getTransactionResponse", targetNamespace = NAMESPACE, partName = "parameters")
    GetTransactionResponse getTransaction(
            @WebParam(name = "getTransaction", targetNamespace = NAMESPACE, partName = "parameters")
            GetTransaction request) throws MbsFaultException;

    /** Takes the reserved money. */
    @WebMethod(operationName = "commitTransaction", action = "")
    @WebResult(name = "commitTransactionResponse", targetNamespace = NAMESPACE, partName = "parameters")
    CommitTransactionResponse commitTransaction(
            @WebParam(name = "commitTransaction", targetNamespace = NAMESPACE, partName = "parameters")
            CommitTransaction request) throws MbsFaultException;

    /** Gives the reserved money back. */
    @WebMethod(operationName = "rollBackTransaction", action = "")
    @WebResult(name = "rollBackTransactionResponse", targetNamespace = NAMESPACE, partName = "parameters")
    RollBackTransactionResponse rollBackTransaction(
            @WebParam(name = "rollBackTransaction", targetNamespace = NAMESPACE, partName = "parameters")
            RollBackTransaction request) throws MbsFaultException;
}
