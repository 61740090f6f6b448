/**
 * Paysera SMS keywords at {@code /paysera} (docs/protocol.md §8.2): the callback's encoding both ways
 * ({@link lt.smssafe.sms.dialect.paysera.PayseraCodec}: URL-safe base64, the {@code ss1} MD5 and
 * {@code ss2}/{@code ss3} RSA signatures, the AES-256-GCM form without them), the callback as Paysera sends it
 * ({@link lt.smssafe.sms.dialect.paysera.PayseraRequest}, which the sandbox, the signed-notification tool and the
 * tests build, sign and encrypt with), Paysera's public key as {@code paysera.public-key} names it, the
 * {@code paysera.*} keys as a value, and the {@link lt.smssafe.sms.dialect.paysera.PayseraDialect} that checks a
 * request and the fields inside {@code data} in the contract's order and turns them into a verified
 * {@link lt.smssafe.sms.dialect.GatewayMessage}.
 *
 * <p>Not here: counting and storing messages (the engine in {@code sms} does that for every dialect), reading the
 * keys from the configuration ({@code config}), the endpoint itself ({@code web.GatewayServlet}). No servlet API and
 * no database here.
 */
package lt.smssafe.sms.dialect.paysera;
