package lt.smssafe.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import lt.smssafe.persistence.EpochMillisConverter;

/**
 * A gateway's report about a message we never stored (docs/protocol.md §8.1): nothing to confirm or reverse, so it is
 * kept for the site owner, listed on {@code /select}, with how often it came.
 */
@Entity
@Table(name = "smssafe_unmatched_report")
@NamedQuery(name = "UnmatchedReport.find", query = "select r from UnmatchedReport r where r.safeId = :safeId"
        + " and r.dialect = :dialect and r.messageId = :messageId and r.status = :status")
@NamedQuery(name = "UnmatchedReport.latest", query = "select r from UnmatchedReport r where r.safeId = :safeId"
        + " order by r.receivedAt desc")
public class UnmatchedReport {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "safe_id", nullable = false)
    private long safeId;

    @Column(nullable = false)
    private String dialect;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    /** {@code ok} or {@code failed}. */
    @Column(nullable = false)
    private String status;

    @Column(name = "received_at", nullable = false)
    @Convert(converter = EpochMillisConverter.class)
    private Instant receivedAt;

    @Column(nullable = false)
    private int reports;

    protected UnmatchedReport() {
    }

    private UnmatchedReport(long safeId, DeliveryReport report, Instant now) {
        this.safeId = safeId;
        this.dialect = report.dialect();
        this.messageId = report.messageId();
        this.status = statusOf(report);
        this.receivedAt = now;
    }

    /** Records the report, or counts it once more when the same report came before. */
    static void record(EntityManager em, long safeId, DeliveryReport report, Instant now) {
        Optional<UnmatchedReport> earlier = em.createNamedQuery("UnmatchedReport.find", UnmatchedReport.class)
                .setParameter("safeId", safeId).setParameter("dialect", report.dialect())
                .setParameter("messageId", report.messageId()).setParameter("status", statusOf(report))
                .getResultStream().findFirst();
        UnmatchedReport recorded = earlier.orElseGet(() -> new UnmatchedReport(safeId, report, now));
        recorded.reports++;
        recorded.receivedAt = now;
        if (earlier.isEmpty()) {
            // a simultaneous copy fails on the unique key here and is retried into the count above
            em.persist(recorded);
            em.flush();
        }
    }

    private static String statusOf(DeliveryReport report) {
        return report.billed() ? "ok" : "failed";
    }

    public String dialect() {
        return dialect;
    }

    public String messageId() {
        return messageId;
    }

    public String status() {
        return status;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public int reports() {
        return reports;
    }
}
