package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** The type {@code transaction}: a bill as the platform keeps it, its {@link Charge} among the account and status. */
@XmlType(name = "transaction", propOrder = {"transactionId", "serviceId", "ident", "operator", "accountId",
    "accountMsisdn", "accountIdent", "accountType", "price", "tariff", "currency", "mtType", "mtText", "mtUrl",
    "status", "state", "stateDescription", "options"})
public class WireTransaction extends Charge {
    @XmlElement(name = "transaction_id")
    public long transactionId;
    @XmlElement(name = "service_id")
    public long serviceId;
    @XmlElement(required = true)
    public String operator;
    @XmlElement(name = "account_id", required = true)
    public String accountId;
    @XmlElement(name = "account_msisdn", required = true)
    public String accountMsisdn;
    @XmlElement(name = "account_ident")
    public String accountIdent;
    /** {@code prepaid}, {@code postpaid}, {@code unknown} or {@code testing}. */
    @XmlElement(name = "account_type", required = true)
    public String accountType;
    /** Cents. */
    public long tariff;
    /** {@code reserve}, {@code commit}, {@code rollback} or {@code fail}. */
    @XmlElement(required = true)
    public String status;
    @XmlElement(required = true)
    public String state;
    @XmlElement(name = "state_description")
    public String stateDescription;
}
