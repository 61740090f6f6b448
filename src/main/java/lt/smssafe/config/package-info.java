/**
 * Configuration: the keys of docs/protocol.md §1, looked up in their four sources (JNDI {@code java:comp/env/smssafe/},
 * servlet init-params, system properties, environment variables; first match wins) and validated once at start-up
 * into {@link lt.smssafe.config.Settings}. A missing or invalid key becomes an
 * {@link lt.smssafe.config.InvalidConfigException} naming the key, never the passkey's value.
 *
 * <p>No servlet API is imported here: the init-params arrive as a plain function, so everything can be tested
 * without a container. Using the settings (opening the database, loading the action) belongs elsewhere.
 */
package lt.smssafe.config;
