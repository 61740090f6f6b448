/**
 * Premium-SMS payments, the engine every gateway feeds: the payment session and its state machine, session codes, the
 * messages it counts (a {@link lt.smssafe.sms.PaidMessage} from any dialect), the phone's lock row, the reply texts
 * (docs/protocol.md §3), and {@link lt.smssafe.sms.MessageProcessor}, which applies one message exactly once (and
 * passes a gateway's delivery report on to the report path, {@code ReportProcessor}). {@code MessageStore} is the one
 * writer of the engine's tables, in plain SQL (the pages read them in {@code queries}). Gateways' wire formats live in
 * {@code sms.dialect}; the payment action's runner in {@code action}, which reaches a closed session through {@link
 * lt.smssafe.action.OwedPayment}. No servlet API here.
 */
package lt.smssafe.sms;
