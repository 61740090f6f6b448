/**
 * sms:safe for Java: premium-SMS payment sessions for Jakarta EE containers. {@link lt.smssafe.SmsSafe} assembles
 * one installation from its configuration; the subpackages hold its parts, each with its own package-info. The few
 * classes beside it join parts that must not import each other: {@link lt.smssafe.InstallationPayments} answers the
 * public {@code api}'s {@code SmsSafePayments}, {@link lt.smssafe.OwedPayments} finds each kind of payment for the
 * action runner, {@link lt.smssafe.CommittedMbsTransactions} joins MBS to the payment action.
 */
package lt.smssafe;
