/**
 * How a value a stranger sent (an SMS's text, a request parameter, a caller's address) is written into a log line:
 * {@link lt.smssafe.logging.LogText}, one rule in one place. Only the JDK here, so that every package may use it.
 */
package lt.smssafe.logging;
