/**
 * Running the site owner's payment action (the PHP original's {@code do_action()}; the interface itself and what it
 * receives are the public {@code api}): how it is found ({@link lt.smssafe.action.PaymentActions}), the run owed for
 * each completed payment ({@link lt.smssafe.action.ActionRun}), and the runner that calls it after the payment is
 * committed, retrying with growing pauses until it succeeds. The runner knows no payment kind: each kind's entity is
 * an {@link lt.smssafe.action.OwedPayment}, found through the {@link lt.smssafe.action.PaymentLookup} it is given;
 * so this package imports neither {@code sms} nor {@code mbs}.
 */
package lt.smssafe.action;
