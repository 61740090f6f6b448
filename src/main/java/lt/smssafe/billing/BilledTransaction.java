package lt.smssafe.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import lt.smssafe.action.CommittedTransaction;
import lt.smssafe.persistence.EpochMillisConverter;

/**
 * An MBS transaction as the platform last described it, recorded when a verified billing report arrives. The
 * report only says "look again"; every value here comes from the platform's own {@code getTransaction}.
 */
@Entity
@Table(name = "smssafe_mbs_transaction")
@NamedQuery(name = "BilledTransaction.find", query = "select t from BilledTransaction t"
        + " where t.serviceId = :serviceId and t.transactionId = :transactionId")
public class BilledTransaction {
    /** The status in which the platform has taken the money. */
    public static final String COMMIT = "commit";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "safe_id", nullable = false)
    private long safeId;

    @Column(name = "service_id", nullable = false)
    private long serviceId;

    @Column(name = "transaction_id", nullable = false)
    private long transactionId;

    private String ident;

    private String operator;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "account_msisdn")
    private String accountMsisdn;

    @Column(name = "account_type")
    private String accountType;

    @Column(name = "price_cents", nullable = false)
    private long priceCents;

    @Column(name = "tariff_cents", nullable = false)
    private long tariffCents;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private String status;

    private String state;

    @Column(name = "first_reported_at", nullable = false)
    @Convert(converter = EpochMillisConverter.class)
    private Instant firstReportedAt;

    @Column(name = "last_reported_at", nullable = false)
    @Convert(converter = EpochMillisConverter.class)
    private Instant lastReportedAt;

    @Column(nullable = false)
    private int reports;

    @Column(name = "action_owed", nullable = false)
    private boolean actionOwed;

    @Version
    private int version;

    protected BilledTransaction() {
    }

    /** The first report of this transaction. */
    public BilledTransaction(long safeId, long serviceId, long transactionId, Instant now) {
        this.safeId = safeId;
        this.serviceId = serviceId;
        this.transactionId = transactionId;
        this.firstReportedAt = now;
        this.lastReportedAt = now;
    }

    /** Takes the platform's current description of the transaction; counts the report. */
    public void describedAs(Description platform, Instant now) {
        ident = platform.ident();
        operator = platform.operator();
        accountId = platform.accountId();
        accountMsisdn = platform.accountMsisdn();
        accountType = platform.accountType();
        priceCents = platform.priceCents();
        tariffCents = platform.tariffCents();
        currency = platform.currency();
        status = platform.status();
        state = platform.state();
        lastReportedAt = now;
        reports++;
    }

    /**
     * Whether the payment action becomes owed now: the first time the transaction is seen committed. A repeated
     * report of a committed transaction answers false, so the action is owed exactly once.
     */
    public boolean oweActionIfCommitted() {
        if (actionOwed || !COMMIT.equals(status)) {
            return false;
        }
        actionOwed = true;
        return true;
    }

    /** The key of the payment action owed for it: {@code <service id>:<transaction id>}. */
    public String reference() {
        return serviceId + ":" + transactionId;
    }

    /** The transaction as the payment action receives it. */
    public CommittedTransaction committed() {
        return new CommittedTransaction(reference(), serviceId, transactionId, ident, accountId, accountMsisdn,
                operator, priceCents, currency, lastReportedAt);
    }

    public String status() {
        return status;
    }

    public int reports() {
        return reports;
    }

    /**
     * What the platform says of a transaction, in the platform's own words (lower-case status, state code).
     *
     * @param accountType {@code prepaid}, {@code postpaid}, {@code unknown} or {@code testing}
     */
    public record Description(String ident, String operator, String accountId, String accountMsisdn,
            String accountType, long priceCents, long tariffCents, String currency, String status, String state) {
    }
}
