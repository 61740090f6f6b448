/**
 * The entry points: the servlets that replace the PHP scripts, the admin pages' CSRF guard, and the listener that
 * assembles the application when the WAR is deployed. Servlets parse, hand off to one service, and render.
 */
package lt.smssafe.web;
