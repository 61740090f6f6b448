package lt.smssafe.mbs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One bill as the MBS platform keeps it (docs/protocol.md §7). Only what the platform itself answered is ever turned into
 * a {@code Transaction}; a billing report is not.
 *
 * @param transactionId the platform's id, unique per platform
 * @param serviceId the service that billed
 * @param ident the service's own reference given when billing: an order, an account
 * @param operator the operator's code, e.g. {@code bite_lt}
 * @param accountId the platform's id of the charged account
 * @param accountMsisdn its phone number, international format without {@code +}, e.g. {@code 37060000001}
 * @param accountIdent the operator's identifier of the subscriber, or {@code null} where it gives none
 * @param priceCents what the service asked for, in cents
 * @param tariffCents what the operator charges the subscriber, in cents
 * @param currency ISO 4217, e.g. {@code EUR}
 * @param mtText the text sent (SMS) or the push title, or {@code null}
 * @param mtUrl the WAP push link, or {@code null}
 * @param state {@link MbsState#OK} or why it failed, see {@link MbsState}
 * @param stateDescription the platform's readable words for the state, or {@code null}
 * @param options name-value pairs in the order given when billing
 */
public record Transaction(long transactionId, long serviceId, String ident, String operator, String accountId,
        String accountMsisdn, String accountIdent, AccountType accountType, long priceCents, long tariffCents,
        String currency, MtType mtType, String mtText, String mtUrl, TransactionStatus status, String state,
        String stateDescription, Map<String, String> options) {

    public Transaction {
        Objects.requireNonNull(accountType, "account type is required");
        Objects.requireNonNull(mtType, "mt type is required");
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(state, "state is required");
        // Map.copyOf would lose the order, which the wire's list has
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * Whether the money is taken: status {@code commit} (the contract's {@code isBilled}). The payment action is owed
     * for a billed transaction, whatever its state says of a later request (a refused rollback leaves it billed).
     */
    public boolean isBilled() {
        return status == TransactionStatus.COMMIT;
    }

    /**
     * Whether the money is taken and nothing went wrong: billed, state {@code ok} (the contract's
     * {@code isCommitted}).
     */
    public boolean isCommitted() {
        return isBilled() && MbsState.OK.equals(state);
    }
}
