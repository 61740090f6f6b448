package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.function.Supplier;

/**
 * What {@code getTransaction}, {@code commitTransaction} and {@code rollBackTransaction} carry: one transaction's
 * id. Each is its own element on the wire, so each stays its own class; only the child is declared once here.
 */
@XmlTransient
public abstract class TransactionQuery {
    @XmlElement(name = "transaction_id")
    public long transactionId;

    /** A new request of this kind about this transaction, e.g. {@code about(CommitTransaction::new, 42)}. */
    public static <Q extends TransactionQuery> Q about(Supplier<Q> kind, long transactionId) {
        Q query = kind.get();
        query.transactionId = transactionId;
        return query;
    }
}
