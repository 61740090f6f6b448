/**
 * What this node reports about itself: {@code /metrics} in Prometheus's text format (Micrometer) — answers by status
 * per endpoint, sessions opened and closed, payment actions attempted and owed, the rates' age, the connection pool —
 * and the {@code /health} verdict for load balancers. It reads the other parts' own counters; nothing here changes
 * a payment.
 */
package lt.smssafe.metrics;
