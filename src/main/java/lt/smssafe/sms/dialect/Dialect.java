package lt.smssafe.sms.dialect;

import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.Answer;
import lt.smssafe.sms.GatewayEvent;
import lt.smssafe.sms.PaidMessage;
import java.util.Map;

/**
 * How one SMS gateway talks to us: what its HTTP request means and how it wants to be answered. The session engine
 * ({@link lt.smssafe.sms.MessageProcessor}) knows no gateway; each dialect turns its gateway's request into a
 * {@link PaidMessage} (or the refusal to answer instead) and the engine's {@link Answer} into its gateway's HTTP
 * answer. The sms:safe protocol of {@code /result} is the first; others are classes beside it.
 */
public interface Dialect {
    /** A short name for logs and the database, e.g. {@code smssafe}. */
    String name();

    /**
     * The gateway's request → the verified paid message it delivers, or its report about one.
     *
     * @throws RejectedRequestException the answer to give instead, for the first of the dialect's checks that fails
     */
    GatewayEvent read(GatewayRequest request) throws RejectedRequestException;

    /** The engine's answer → the HTTP answer this gateway expects; its body is the reply SMS. */
    HttpAnswer answer(Answer answer);

    /** A refused request → the HTTP answer this gateway expects: by default its status and text as they are. */
    default HttpAnswer refusal(RejectedRequestException rejected) {
        return new HttpAnswer(rejected.status(), rejected.answer());
    }

    /**
     * What a gateway is answered: a status and a {@code text/plain; charset=UTF-8} body, which for a 200 the gateway
     * sends to the buyer as the reply SMS.
     */
    public record HttpAnswer(int status, String body) {
    }

    /**
     * A gateway's HTTP request as a dialect reads it, without the servlet API.
     *
     * @param remoteAddress the caller's address, {@code ServletRequest#getRemoteAddr()}
     * @param parameters the query and form parameters, URL-decoded as UTF-8, {@code ServletRequest#getParameterMap()}
     */
    public record GatewayRequest(String remoteAddress, Map<String, String[]> parameters) {
        public GatewayRequest {
            parameters = parameters == null ? Map.of() : parameters;
        }
    }
}
