/**
 * The one kit both signed requests use — the sms:safe gateway's notification ({@code /result}) and the MBS platform's
 * billing report ({@code /mbs/report}): HMAC-SHA256 and MD5 as lower-case hex, constant-time comparison of hex, the
 * time window of {@code max-skew} in both directions, and the one way a request is refused
 * ({@link lt.smssafe.signing.RejectedRequestException}). Each caller adds only its own rules: which parameters,
 * in which order, with which key. No servlet API and no database here; only the JDK.
 */
package lt.smssafe.signing;
