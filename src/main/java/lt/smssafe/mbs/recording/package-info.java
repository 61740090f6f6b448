/**
 * MBS direct carrier billing as the site records it: every transaction the platform reported, as loaded back from
 * the platform ({@link lt.smssafe.mbs.Transaction}, never the report's own claims), and the moment a transaction is
 * first seen committed, when the payment action becomes owed once. The action itself is kept through
 * {@link lt.smssafe.mbs.recording.OwedAction}: the public {@code api} that holds it offers {@code mbs}'s client, so
 * {@code mbs} imports neither {@code api} nor {@code action} (the installation, {@code lt.smssafe}, joins them).
 * The SOAP client and the report verification live in {@code mbs}; the servlet that receives reports in {@code web}.
 */
package lt.smssafe.mbs.recording;
