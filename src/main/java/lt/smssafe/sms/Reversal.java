package lt.smssafe.sms;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import lt.smssafe.action.OwedPayment;
import lt.smssafe.api.PaymentAction;

/**
 * A counted message of a closed session that the gateway reported as not billed: the payment action is owed a
 * {@code paymentReversed} for it, once. The run's reference is the message's row id.
 */
public record Reversal(PaymentSession session, ReceivedMessage message) implements OwedPayment {
    /** How the payment-action runner finds the reversal a run is owed for. */
    public static Optional<Reversal> find(EntityManager em, long safeId, String reference) {
        return MessageStore.on(em, safeId, store -> {
            Optional<ReceivedMessage> message = store.message(Long.parseLong(reference))
                    .filter(m -> m.safeId() == safeId && m.reversedAt().isPresent() && m.sessionId().isPresent());
            if (message.isEmpty()) {
                return Optional.empty();
            }
            return store.session(message.get().sessionId().get())
                    .filter(session -> session.closedAt().isPresent())
                    .map(session -> new Reversal(session, message.get()));
        });
    }

    @Override
    public void deliverTo(PaymentAction action) throws Exception {
        action.paymentReversed(session.closed(), message.reversed(), message.cost());
    }
}
