/**
 * MBS direct carrier billing as the site sees it: every transaction the platform reported, as loaded back from the
 * platform, and the payment action owed once a transaction is committed. The SOAP client and the report
 * verification live in {@code mbs}; the servlet that receives reports in {@code web}.
 */
package lt.smssafe.billing;
