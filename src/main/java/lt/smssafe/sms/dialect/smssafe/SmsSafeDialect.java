package lt.smssafe.sms.dialect.smssafe;

import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.Answer;
import lt.smssafe.sms.dialect.Dialect;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;
import lt.smssafe.sms.dialect.Dialect.HttpAnswer;

/**
 * The sms:safe protocol of {@code /result} (docs/protocol.md §2): eleven signed parameters in, the reply SMS as the
 * plain-text body out.
 */
public final class SmsSafeDialect implements Dialect {
    private final NotificationGate gate;

    public SmsSafeDialect(NotificationGate gate) {
        this.gate = gate;
    }

    @Override
    public String name() {
        return Notification.DIALECT;
    }

    @Override
    public Notification read(GatewayRequest request) throws RejectedRequestException {
        return gate.verify(request.remoteAddress(), request.parameters());
    }

    @Override
    public HttpAnswer answer(Answer answer) {
        return new HttpAnswer(answer.status(), answer.body());
    }
}
