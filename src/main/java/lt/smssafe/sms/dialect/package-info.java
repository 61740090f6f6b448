/**
 * The seam between SMS gateways and the session engine: {@link lt.smssafe.sms.dialect.Dialect} turns a gateway's
 * HTTP request into a verified {@link lt.smssafe.sms.PaidMessage} and the engine's answer into the gateway's HTTP
 * answer; {@link lt.smssafe.sms.dialect.AddressFilter} is the {@code notify.allow} check every dialect shares. Each
 * gateway's protocol is a subpackage ({@code smssafe} for {@code /result}). No servlet API and no database here.
 */
package lt.smssafe.sms.dialect;
