/**
 * The benchmark's SQL door into an application on the embedded H2 database (the production WAR, where the benchmark
 * mounts it into {@code WEB-INF/classes}, and the baseline WAR): an H2 file can only be opened by the JVM that has it
 * open, so while Tomcat runs the benchmark empties the tables, writes a scenario's prefill and counts what a round
 * stored through it. It is idle while a round runs. Not used on MariaDB, which the benchmark reaches directly.
 */
package lt.smssafe.bench.probe;
