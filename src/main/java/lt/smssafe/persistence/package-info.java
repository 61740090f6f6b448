/**
 * Database infrastructure: finding or creating the DataSource, schema migrations, bootstrapping Jakarta Persistence
 * without the container's help, and running units of work in transactions. No business rules live here.
 */
package lt.smssafe.persistence;
