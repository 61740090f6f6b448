package lt.smssafe.mbs;

import java.util.Map;
import java.util.Objects;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.signing.TimeWindow;

/**
 * Reads the billing reports the platform sends (docs/protocol.md §7), the PHP {@code getBillInformation()}: a report
 * is verified first ({@link BillingReportVerifier}: its form, signature, service and time), then its transaction is
 * loaded from the platform through the client, since the report alone is never trusted for money. What it answers is
 * the platform's word only: the report's own status may already be out of date (a {@code reserve} report arriving
 * after the commit).
 *
 * <p>Thread-safe; make one per client and keep it.
 */
public final class BillingReportReader {
    private final MbsDirect platform;
    private final BillingReportVerifier verifier;

    /** A reader whose reports may be {@link TimeWindow#DEFAULT_MAX_SKEW} from the system clock. */
    public BillingReportReader(MbsDirect platform) {
        this(platform, TimeWindow.standard());
    }

    /**
     * @param platform the client of the service the reports are for: its key checks them, it loads their transactions
     * @param window how far a report's {@code time} may be from our clock (the {@code max-skew} key)
     */
    public BillingReportReader(MbsDirect platform, TimeWindow window) {
        this.platform = Objects.requireNonNull(platform, "MBS client is required");
        MbsConfig config = platform.config();
        this.verifier = new BillingReportVerifier(config.serviceId(), config.secretKey(), window);
    }

    /**
     * The reported transaction as the platform describes it now.
     *
     * @param parameters the report request's parameters, {@code ServletRequest#getParameterMap()}
     * @throws RejectedRequestException when the report is not genuine, current and ours; its message is the answer
     * @throws MbsRefusedException {@code transaction_not_found} when the platform does not know the reported
     *     transaction as this service's
     * @throws MbsUnavailableException when the platform could not be asked: answer so that it reports again later
     */
    public Transaction read(Map<String, String[]> parameters) throws RejectedRequestException {
        VerifiedReport report = verifier.verify(parameters);
        return platform.getTransaction(report.transactionId())
                .orElseThrow(() -> new MbsRefusedException(MbsState.TRANSACTION_NOT_FOUND, "transaction "
                        + report.transactionId() + " was reported, but the platform does not know it as service "
                        + report.serviceId() + "'s"));
    }
}
