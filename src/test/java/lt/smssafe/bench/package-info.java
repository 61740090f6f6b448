/**
 * The benchmark of issue 15 ({@code mvn -B -Pbench package}, docs/performance.md): the production WAR's
 * {@code /result} against a minimal JDBC implementation of the same contract ({@link lt.smssafe.bench.baseline}),
 * both in one real Tomcat, on the embedded H2 database and on a real MariaDB, loaded by Debian's {@code wrk} with
 * pre-signed unique requests, in rounds that alternate between the two; after each round it checks by SQL that every
 * 200 was stored once and nothing else was. Test code: never part of the WAR, never part of {@code mvn verify}.
 */
package lt.smssafe.bench;
