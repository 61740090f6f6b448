/**
 * What the pages and the site owner's own code ask about payments, read-only: a session's status, the unclosed
 * sessions for the admin, and the payment actions still owed. Writing happens in {@code processing} and
 * {@code action}; no servlet API here.
 */
package lt.smssafe.queries;
