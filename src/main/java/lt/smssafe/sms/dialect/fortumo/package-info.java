/**
 * Fortumo premium SMS at {@code /fortumo} (docs/protocol.md §8.1): the request's parameters and their forms, the MD5
 * request signature over every received parameter ({@link lt.smssafe.sms.dialect.fortumo.FortumoSigner}), the request
 * as Fortumo sends it ({@link lt.smssafe.sms.dialect.fortumo.FortumoRequest}, which the sandbox, the
 * signed-notification tool and the tests build and sign with), the {@code fortumo.*} keys as a value, and the
 * {@link lt.smssafe.sms.dialect.fortumo.FortumoDialect} that checks a request in §8's order and turns it into a
 * verified {@link lt.smssafe.sms.dialect.GatewayMessage} ({@code status=pending}) or a
 * {@link lt.smssafe.sms.DeliveryReport} ({@code status=ok} or {@code failed}). Because Fortumo's signature
 * separates nothing, {@link lt.smssafe.sms.dialect.fortumo.SignedPairs} holds the rules on names we do not read that
 * leave a signed request one reading, and the argument why.
 *
 * <p>Not here: counting, storing and reversing messages (the engine in {@code sms} does that for every dialect),
 * reading the keys from the configuration ({@code config}), the endpoint itself ({@code web.GatewayServlet}). No
 * servlet API and no database here.
 */
package lt.smssafe.sms.dialect.fortumo;
