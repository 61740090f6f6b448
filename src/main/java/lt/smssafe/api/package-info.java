/**
 * The public contract: what the site owner's code compiles against. These types are what a site owner may rely on
 * from one release to the next; everything else in the WAR is its inside and may change:
 * <ul>
 * <li>{@link lt.smssafe.api.SmsSafePayments} — the entry: spending a paid code once, session status and the WAR's
 *     own MBS client;</li>
 * <li>{@link lt.smssafe.api.Redemption} — what spending a code answered;</li>
 * <li>{@link lt.smssafe.api.SessionStatus} with {@link lt.smssafe.api.SessionState} — what a session's status
 *     says;</li>
 * <li>{@link lt.smssafe.api.PaymentAction} with {@link lt.smssafe.api.ClosedSession},
 *     {@link lt.smssafe.api.CommittedTransaction} and {@link lt.smssafe.api.ReversedMessage} — the action you
 *     implement and what it receives;</li>
 * <li>{@link lt.smssafe.mbs.MbsDirect} with {@link lt.smssafe.mbs.BillRequest}, {@link lt.smssafe.mbs.Transaction},
 *     {@link lt.smssafe.mbs.TransactionReference}, {@link lt.smssafe.mbs.MbsConfig} and the
 *     {@link lt.smssafe.mbs.MbsException} family — charging by MBS, also from code outside the WAR, where
 *     {@link lt.smssafe.mbs.BillingReportReader} reads the billing reports.</li>
 * </ul>
 * The inside compiles against this package, so it imports nothing of the inside: only the MBS client, which is
 * public too, and the servlet API, to find the running installation's {@code SmsSafePayments} in its servlet
 * context (the installation answers it: {@code lt.smssafe.InstallationPayments}).
 */
package lt.smssafe.api;
