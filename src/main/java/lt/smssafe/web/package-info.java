/**
 * The entry points: the servlets that replace the PHP scripts, the filter that tells an outage (503) from a defect
 * (500), the security headers every answer carries, the admin pages' CSRF guard, the {@code /check} throttle, and the
 * listener that assembles the application when the WAR is deployed.
 * A servlet parses, hands off to one service, and renders; no business rule lives here.
 */
package lt.smssafe.web;
