/**
 * The site owner's payment action (the PHP original's {@code do_action()}): the interface they implement and the
 * descriptions it receives ({@link lt.smssafe.action.ClosedSession}, {@link lt.smssafe.action.CommittedTransaction}),
 * how it is found, and the runner that calls it after a payment is committed, retrying with growing pauses until it
 * succeeds. The runner knows no payment kind: each kind's entity is an {@link lt.smssafe.action.OwedPayment}, found
 * through the {@link lt.smssafe.action.PaymentLookup} it is given; so this package imports neither {@code sms} nor
 * {@code mbs.recording}, which both import it.
 */
package lt.smssafe.action;
