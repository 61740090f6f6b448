/**
 * The site owner's payment action (the PHP original's {@code do_action()}): the interface they implement, how it
 * is found, and the runner that calls it after a payment is committed, retrying with growing pauses until it
 * succeeds.
 */
package lt.smssafe.action;
