<%@ page session="false" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Integration" scope="request"/>
<c:set var="wide" value="true" scope="request"/>
<%@ include file="header.jspf" %>
<%@ include file="adminnav.jspf" %>
<h1>Integration</h1>
<section id="gateways">
  <h2>What to give each gateway</h2>
  <table class="facts">
    <tr><th>sms:safe protocol</th><td><code id="url-result"><c:out value="${base}"/>result</code></td></tr>
    <tr><th>Fortumo (service's forwarding URL)</th><td><code id="url-fortumo"><c:out value="${base}"/>fortumo</code>
      <c:if test="${not fortumo}"><span class="muted"> — off: set fortumo.secret</span></c:if></td></tr>
    <tr><th>Paysera (keyword's callback)</th><td><code id="url-paysera"><c:out value="${base}"/>paysera</code>
      <c:if test="${not paysera}"><span class="muted"> — off: set paysera.project-id and paysera.password</span></c:if></td></tr>
    <tr><th>MBS billing reports</th><td><code id="url-mbs"><c:out value="${base}"/>mbs/report?t=%t</code>
      <c:if test="${not mbs}"><span class="muted"> — off: set mbs.url</span></c:if></td></tr>
    <tr><th>Load balancer health</th><td><code><c:out value="${base}"/>health</code></td></tr>
  </table>
</section>
<section class="owners" lang="en">
  <h2>Your buyers and your code</h2>
  <p>Link your buyers here, with what they pay for filled in as <code>content</code>; the page then shows the exact
    text to send:</p>
  <pre><code>&lt;a href="<c:out value="${checkUrl}"/>?content=order-42"&gt;Pay by SMS&lt;/a&gt;</code></pre>
  <p>Every reply SMS carries the session code. Ask for a session's status from a script, as JSON
    (<code>state</code> is <code>open</code>, <code>waiting</code> or <code>closed</code>; an unknown code is a 404):</p>
  <pre><code>curl '<c:out value="${checkUrl}"/>?session=7KQ2M9XA&amp;format=json'
{"session":"7KQ2M9XA","state":"waiting","received":3,"required":4,"waitSeconds":86100}</code></pre>
  <p>Or from Java code deployed in this web application (the equivalent of setting up your script as
    <code>check.php</code> showed):</p>
  <pre><code>Optional&lt;SessionStatus&gt; status = SmsSafePayments.of(getServletContext()).session(code);
if (status.isPresent() &amp;&amp; status.get().isClosed()) {
    // paid: status.get().content() says for what, status.get().total() how much
}</code></pre>
  <p>To act on every paid session as it closes, implement <code>lt.smssafe.action.PaymentAction</code> (see the README).</p>
</section>
<%@ include file="footer.jspf" %>
