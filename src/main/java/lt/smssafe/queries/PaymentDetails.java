package lt.smssafe.queries;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lt.smssafe.action.ActionRun;
import lt.smssafe.sms.ReceivedMessage;
import lt.smssafe.sms.SessionCode;
import org.hibernate.Session;

/** One payment as {@code /payment?code=} shows it: its status, its messages and its payment action's runs. */
public final class PaymentDetails {
    private final ReadScope scope;

    PaymentDetails(ReadScope scope) {
        this.scope = scope;
    }

    /** The payment with this code: its status, its messages in order, and the runs of its payment action. */
    public Optional<PaymentDetail> find(String code) {
        Optional<SessionCode> parsed = SessionCode.parse(code);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Instant now = scope.now();
        return scope.database().inTransaction(em -> em.unwrap(Session.class).doReturningWork(connection ->
                SessionLists.byCode(connection, scope.safeId(), parsed.get().value(), now))
                .map(found -> detail(em, found)));
    }

    private PaymentDetail detail(EntityManager em, SessionLists.Found found) {
        List<ReceivedMessage> messages = ReceivedMessage.ofSession(em, scope.safeId(), found.id());
        // the session's own run is keyed by its code, a reversal's by the reversed message's row id: one kind per
        // query, so that H2 looks them up in uq_action_run (safe_id, kind, reference, target) (with two IN lists it
        // read every run of the safe); each payment has a run per target (the Java action, the webhook)
        List<ActionRun> runs = new ArrayList<>(runs(em, ActionRun.Kind.SMS_SESSION, List.of(found.status().code())));
        runs.addAll(runs(em, ActionRun.Kind.SMS_REVERSAL, messages.stream().map(m -> String.valueOf(m.id()))
                .toList()));
        runs.sort(Comparator.comparing(ActionRun::createdAt).thenComparing(ActionRun::target));
        return new PaymentDetail(found.status(), messages.stream().map(PaymentDetail.Message::of).toList(), runs);
    }

    private List<ActionRun> runs(EntityManager em, ActionRun.Kind kind, List<String> references) {
        return em.createQuery("select r from ActionRun r where r.safeId = :safeId and r.kind = :kind"
                        + " and r.reference in :references", ActionRun.class)
                .setParameter("safeId", scope.safeId()).setParameter("kind", kind)
                .setParameter("references", references)
                .getResultList();
    }
}
