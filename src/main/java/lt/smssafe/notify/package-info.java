/**
 * The provider's notification of a paid SMS (PROTOCOL.md §2): parsing its parameters, checking the caller's
 * address, the signature (HMAC-SHA256 or legacy MD5), the safe and the time window, in the contract's order and
 * with its answers. No servlet API here: the servlet hands over the caller's address and the parameter map.
 */
package lt.smssafe.notify;
