/**
 * sms:safe for Java: premium-SMS payment sessions for Jakarta EE containers. {@link lt.smssafe.SmsSafe} assembles
 * one installation from its configuration; the subpackages hold its parts, each with its own package-info.
 */
package lt.smssafe;
