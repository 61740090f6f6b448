/**
 * The read side, for the pages and the site owner's own code: a session's status, the unclosed sessions for the
 * admin, and the payment actions still owed. Read-only: writing happens in {@code sms}, {@code mbs.recording} and
 * {@code action}. No servlet API here.
 */
package lt.smssafe.queries;
