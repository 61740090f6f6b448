/**
 * The domain of premium-SMS payments: the payment session and its state machine, session codes, the messages it
 * counts, and the reply texts in each language (PROTOCOL.md §3). No servlet or infrastructure code lives here; the
 * entities carry only their JPA mapping.
 */
package lt.smssafe.session;
