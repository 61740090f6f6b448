/**
 * MBS direct carrier billing as the site records it: every transaction the platform reported, as loaded back from
 * the platform ({@link lt.smssafe.mbs.Transaction}, never the report's own claims), and the payment action owed once
 * a transaction is committed. The SOAP client and the report verification live in {@code mbs}, which knows no
 * database; the servlet that receives reports in {@code web}.
 */
package lt.smssafe.mbs.recording;
