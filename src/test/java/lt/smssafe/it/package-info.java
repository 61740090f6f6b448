/**
 * The in-container tests (failsafe's {@code *IT}): the production WAR deployed into a real Tomcat 11 (and, tagged
 * {@code wildfly}, a real WildFly) and driven from outside as a gateway, a buyer, a site owner or an attacker would.
 * This package holds what they share: the WAR as a test deploys it ({@link lt.smssafe.it.TestWar}), HTTP to its
 * pages ({@link lt.smssafe.it.AdminHttp}, {@link lt.smssafe.it.RawHttp}), the database's rows
 * ({@link lt.smssafe.it.DatabaseRows}), the container's log ({@link lt.smssafe.it.TomcatLog}), and the site owner's
 * code a deployment runs: a payment action that logs its calls ({@link lt.smssafe.it.RecordingAction},
 * {@link lt.smssafe.it.ActionLog}) and a servlet that calls the public API ({@link lt.smssafe.it.PaymentsApiServlet}).
 * The tests are grouped by what they test:
 * <ul>
 * <li>{@code gateways}: what the gateways call, {@code /result}, {@code /fortumo}, {@code /paysera},
 * {@code /mbs/report}, and the signed-notification tool that plays a gateway;
 * <li>{@code api}: the site owner's code, {@code POST /redeem} and {@code SmsSafePayments};
 * <li>{@code pages}: the buyer's and the site owner's pages, in HTTP and in a headless Chromium;
 * <li>{@code hardening}: hostile callers, {@code notify.allow}, the throttle and the security headers;
 * <li>{@code deploy}: configuration, {@code /setup}, redeploying, WildFly, the container's pool under overload, and
 * the demo as the run command starts it;
 * <li>{@code cluster}: several nodes on a real MariaDB Galera cluster.
 * </ul>
 */
package lt.smssafe.it;
