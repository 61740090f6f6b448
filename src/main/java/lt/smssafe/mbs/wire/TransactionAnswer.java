package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.function.Supplier;

/**
 * What every answer of the port carries: the transaction as it is now. Each answer is its own element on the wire,
 * so each stays its own class; only the child is declared once here.
 */
@XmlTransient
public abstract class TransactionAnswer {
    @XmlElement(required = true)
    public WireTransaction transaction;

    /** A new answer of this kind carrying this transaction, e.g. {@code of(BillResponse::new, transaction)}. */
    public static <A extends TransactionAnswer> A of(Supplier<A> kind, WireTransaction transaction) {
        A answer = kind.get();
        answer.transaction = transaction;
        return answer;
    }
}
