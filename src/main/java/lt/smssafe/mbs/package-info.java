/**
 * MBS direct carrier billing, the site's side (docs/protocol.md §7): the SOAP client {@link lt.smssafe.mbs.MbsDirect}
 * for one service, the transactions it answers with, the billing-report URL template, and the reading of the billing
 * reports the platform sends ({@link lt.smssafe.mbs.BillingReportReader}: verified by
 * {@link lt.smssafe.mbs.BillingReportVerifier}, then the transaction loaded through the client).
 *
 * <p>The wire is described once, by {@code mbs-direct.wsdl} next to these classes; its messages are the
 * {@code wire} subpackage, which only this package uses. The rules about failures are in the WSDL's comment and in
 * {@link lt.smssafe.mbs.MbsState}.
 *
 * <p>No servlet API and no database here: the report servlet hands over the request's parameters, and what a
 * verified report means for the site (recording it, the payment action) belongs to {@code mbs.recording}.
 */
package lt.smssafe.mbs;
