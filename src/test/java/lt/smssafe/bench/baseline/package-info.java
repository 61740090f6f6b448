/**
 * The benchmark's baseline: the least a correct {@code /result} endpoint must do (docs/protocol.md §2 and §3) in plain
 * servlet and JDBC code, deployed as a WAR of its own next to the production WAR. It checks the eleven parameters,
 * verifies the HMAC-SHA256 signature in constant time, and stores each message in one transaction that writes the
 * phone's row (so that one phone's messages are counted one after another), reads the unclosed session, inserts or
 * updates it, inserts the message (unique on its id, so that a retry is answered from storage) and owes the payment
 * action when the session closes. Its tables start with {@code baseline_}.
 *
 * <p>Nothing here imports the application's code: the baseline is a second, independent implementation, so that
 * what it costs is what the contract costs. It knows one language (English) and one signature ({@code hmac-sha256}).
 */
package lt.smssafe.bench.baseline;
