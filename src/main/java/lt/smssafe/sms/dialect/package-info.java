/**
 * The seam between SMS gateways and the session engine: {@link lt.smssafe.sms.dialect.Dialect} turns a gateway's HTTP
 * request into a verified {@link lt.smssafe.sms.PaidMessage} and the engine's answer into the gateway's HTTP answer.
 * Here belongs only what every dialect shares: {@link lt.smssafe.sms.dialect.AddressFilter} (the {@code notify.allow}
 * check, which {@link lt.smssafe.sms.dialect.LiveDialect} runs first for the live gateways), the request and answer as
 * plain values, parameter forms, sender ids and operator codes (docs/protocol.md §8), the test-message policy, the paid
 * SMS as the live gateways deliver it ({@link lt.smssafe.sms.dialect.GatewayMessage}, one shape for Fortumo and
 * Paysera), and what the gateways' request builders share: their values in order
 * ({@link lt.smssafe.sms.dialect.RequestValues}) and the form encoding ({@link lt.smssafe.sms.dialect.FormQuery}).
 *
 * <p>Each gateway's protocol is a subpackage that imports this one, never the reverse, and never another gateway's:
 * {@code smssafe} for {@code /result} (docs/protocol.md §2), {@code fortumo} for {@code /fortumo} (§8.1) and
 * {@code paysera} for {@code /paysera} (§8.2). Not here: counting and storing messages (the engine in {@code sms})
 * and the endpoints ({@code web}). No servlet API and no database here.
 */
package lt.smssafe.sms.dialect;
