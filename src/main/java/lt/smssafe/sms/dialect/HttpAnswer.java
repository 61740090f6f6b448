package lt.smssafe.sms.dialect;

/**
 * What a gateway is answered: a status and a {@code text/plain; charset=UTF-8} body, which for a 200 the gateway
 * sends to the buyer as the reply SMS.
 */
public record HttpAnswer(int status, String body) {
}
