/**
 * The public API for the site owner's code. These types are what a site owner may rely on from one release to the
 * next; everything else in the WAR is its inside and may change:
 * <ul>
 * <li>{@link lt.smssafe.api.SmsSafePayments} — the entry: spending a paid code once, session status and the WAR's
 *     own MBS client;</li>
 * <li>{@link lt.smssafe.api.Redemption} — what spending a code answered;</li>
 * <li>{@link lt.smssafe.queries.SessionStatus} — what a session's status says;</li>
 * <li>{@link lt.smssafe.action.PaymentAction} with {@link lt.smssafe.action.ClosedSession} and
 *     {@link lt.smssafe.action.CommittedTransaction} — the action you implement and what it receives;</li>
 * <li>{@link lt.smssafe.mbs.MbsDirect} with {@link lt.smssafe.mbs.BillRequest}, {@link lt.smssafe.mbs.Transaction},
 *     {@link lt.smssafe.mbs.TransactionReference}, {@link lt.smssafe.mbs.MbsConfig} and the
 *     {@link lt.smssafe.mbs.MbsException} family — charging by MBS, also from code outside the WAR, where
 *     {@link lt.smssafe.mbs.BillingReportReader} reads the billing reports.</li>
 * </ul>
 * It imports the servlet API only to find the running installation in its servlet context.
 */
package lt.smssafe.api;
