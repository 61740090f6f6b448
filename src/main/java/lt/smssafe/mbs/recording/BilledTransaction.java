package lt.smssafe.mbs.recording;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import lt.smssafe.mbs.Transaction;
import lt.smssafe.mbs.TransactionReference;
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

    /** The platform's wire name of the status, e.g. {@code commit}. */
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
    public BilledTransaction(long safeId, TransactionReference reference, Instant now) {
        this.safeId = safeId;
        this.serviceId = reference.serviceId();
        this.transactionId = reference.transactionId();
        this.firstReportedAt = now;
        this.lastReportedAt = now;
    }

    /**
     * The recorded transaction, locked for this transaction when {@code lock} is set: the recorder holds it while it
     * decides whether the action becomes owed.
     */
    static Optional<BilledTransaction> find(EntityManager em, TransactionReference reference, boolean lock) {
        var query = em.createNamedQuery("BilledTransaction.find", BilledTransaction.class)
                .setParameter("serviceId", reference.serviceId())
                .setParameter("transactionId", reference.transactionId());
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    /** How the payment-action runner finds the MBS payment an action is owed for, by its reference. */
    public static Optional<BilledTransaction> findOwed(EntityManager em, long safeId, String reference) {
        return find(em, TransactionReference.parse(reference), false).filter(t -> t.actionOwed);
    }

    /** Takes the platform's current description of the transaction; counts the report. */
    public void describedAs(Transaction platform, Instant now) {
        ident = platform.ident();
        operator = platform.operator();
        accountId = platform.accountId();
        accountMsisdn = platform.accountMsisdn();
        accountType = platform.accountType().wireName();
        priceCents = platform.priceCents();
        tariffCents = platform.tariffCents();
        currency = platform.currency();
        status = platform.status().wireName();
        state = platform.state();
        lastReportedAt = now;
        reports++;
    }

    /**
     * Whether the payment action of this billed transaction becomes owed now: the first time it is asked. A repeated
     * report of a billed transaction answers false, so the action is owed exactly once.
     */
    boolean oweActionOnce() {
        if (actionOwed) {
            return false;
        }
        actionOwed = true;
        return true;
    }

    /** Which transaction this is. */
    public TransactionReference reference() {
        return new TransactionReference(serviceId, transactionId);
    }

    /** The platform's wire name of the status, e.g. {@code commit}. */
    public String status() {
        return status;
    }

    public int reports() {
        return reports;
    }

    public String ident() {
        return ident;
    }

    public String operator() {
        return operator;
    }

    public String accountId() {
        return accountId;
    }

    public String accountMsisdn() {
        return accountMsisdn;
    }

    public long priceCents() {
        return priceCents;
    }

    public String currency() {
        return currency;
    }

    public Instant lastReportedAt() {
        return lastReportedAt;
    }
}
