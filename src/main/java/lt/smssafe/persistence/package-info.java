/**
 * Database infrastructure: finding or creating the DataSource, schema migrations, bootstrapping Jakarta Persistence
 * without the container's help, running units of work in transactions, and the one classification of what a
 * failure means (unreachable, conflict, or a defect). No business rules and no entities of a payment kind live here.
 */
package lt.smssafe.persistence;
