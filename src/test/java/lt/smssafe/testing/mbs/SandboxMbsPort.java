package lt.smssafe.testing.mbs;

import com.sun.net.httpserver.HttpPrincipal;
import com.sun.xml.ws.developer.SchemaValidation;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import lt.smssafe.mbs.wire.Bill;
import lt.smssafe.mbs.wire.BillByMsisdn;
import lt.smssafe.mbs.wire.BillByMsisdnResponse;
import lt.smssafe.mbs.wire.BillResponse;
import lt.smssafe.mbs.wire.CommitTransaction;
import lt.smssafe.mbs.wire.CommitTransactionResponse;
import lt.smssafe.mbs.wire.GetTransaction;
import lt.smssafe.mbs.wire.GetTransactionResponse;
import lt.smssafe.mbs.wire.MbsDirectPort;
import lt.smssafe.mbs.wire.MbsFaultException;
import lt.smssafe.mbs.wire.RollBackTransaction;
import lt.smssafe.mbs.wire.RollBackTransactionResponse;
import lt.smssafe.mbs.wire.TransactionAnswer;

/**
 * The sandbox's SOAP face: the WAR's own port type, with every request and answer validated against the WSDL's
 * schema (Metro's {@code @SchemaValidation}), so a Java class that drifts from {@code mbs-direct.wsdl} fails here.
 * The caller is the service that passed HTTP Basic authentication.
 */
@WebService(endpointInterface = "lt.smssafe.mbs.wire.MbsDirectPort", targetNamespace = MbsDirectPort.NAMESPACE,
        serviceName = "MbsDirectService", portName = "MbsDirectPort")
@SchemaValidation(inbound = true, outbound = true)
public class SandboxMbsPort implements MbsDirectPort {
    private final SandboxMbs platform;

    @Resource
    private WebServiceContext context;

    public SandboxMbsPort(SandboxMbs platform) {
        this.platform = platform;
    }

    @Override
    public BillResponse bill(Bill request) throws MbsFaultException {
        return TransactionAnswer.of(BillResponse::new,
                platform.bill(caller(), request.accountId, SandboxMbs.BillCommand.of(request)));
    }

    @Override
    public BillByMsisdnResponse billByMSISDN(BillByMsisdn request) throws MbsFaultException {
        return TransactionAnswer.of(BillByMsisdnResponse::new, platform.billByMsisdn(caller(), request.accountMsisdn,
                request.operator, SandboxMbs.BillCommand.of(request)));
    }

    @Override
    public GetTransactionResponse getTransaction(GetTransaction request) throws MbsFaultException {
        return TransactionAnswer.of(GetTransactionResponse::new,
                platform.getTransaction(caller(), request.transactionId));
    }

    @Override
    public CommitTransactionResponse commitTransaction(CommitTransaction request) throws MbsFaultException {
        return TransactionAnswer.of(CommitTransactionResponse::new,
                platform.commit(caller(), request.transactionId));
    }

    @Override
    public RollBackTransactionResponse rollBackTransaction(RollBackTransaction request) throws MbsFaultException {
        return TransactionAnswer.of(RollBackTransactionResponse::new,
                platform.rollBack(caller(), request.transactionId));
    }

    /** The authenticated service: the HTTP Basic user name. */
    private long caller() {
        // the HTTP context's authenticator lets nobody through without a service's credentials
        if (!(context.getUserPrincipal() instanceof HttpPrincipal principal)) {
            throw new IllegalStateException("no authenticated caller");
        }
        return Long.parseLong(principal.getUsername());
    }
}
