/**
 * A read-only SQL probe the benchmark mounts into an application (the production WAR's {@code WEB-INF/classes}, or
 * the baseline WAR) on the embedded H2 database, whose file only that application's JVM can open: after each round
 * the benchmark counts what was stored through it. It is idle while a round runs. Not used on MariaDB, which the
 * benchmark queries directly.
 */
package lt.smssafe.bench.probe;
