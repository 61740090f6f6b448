/**
 * Command-line tools for site owners, run outside the container: sending correctly signed notifications to a
 * deployment's {@code /result}, like a provider would. Nothing here runs inside the web application.
 */
package lt.smssafe.tool;
