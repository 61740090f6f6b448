/**
 * How sms:safe calls other servers over HTTP (the rates feeds, the webhook): one client setup and one hard deadline
 * for a whole exchange. Each caller keeps its own redirect policy and its own words for a failure. Only Apache
 * HttpClient and the JDK here.
 */
package lt.smssafe.outbound;
