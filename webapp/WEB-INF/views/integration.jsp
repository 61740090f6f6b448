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
  <p>Every reply SMS carries the session code, and the buyer types it on your site. <strong>Give what was paid for
    only when sms:safe redeems the code</strong> for what you give it to (an account, an order: 1–128 printable
    characters): of any number of redemptions of one code — two tabs, two accounts, two nodes — exactly one succeeds,
    and a retry with the same reference gets the same answer. A closed status alone is not enough: it reads closed
    for everyone who types the code.</p>
  <p>From Java code deployed in this web application:</p>
  <pre id="redeem-java"><code>Redemption r = SmsSafePayments.of(getServletContext()).redeem(code, "account-17");
if (r instanceof Redemption.Redeemed redeemed) {
    // give it: redeemed.session().content() says what was paid for, .total() how much
} else {
    // tell the buyer r.result(): "already redeemed", "not paid yet", "reversed", "test payment", "unknown session"
}</code></pre>
  <p>From your server in any language, with the <code>api.key</code> as a bearer key:
    <c:if test="${not redeem}"><span class="muted" id="redeem-off"> — off: set api.key (at least 32 characters) to switch on <code>/redeem</code></span></c:if></p>
  <pre id="redeem-curl"><code>curl -X POST -H 'Authorization: Bearer …your api.key…' -d code=7KQ2M9XA -d reference=account-17 \
     '<c:out value="${base}"/>redeem'
200 {"result":"redeemed","reference":"account-17","redeemedAt":"2026-12-07T10:15:30Z","session":{"session":"7KQ2M9XA","state":"closed",…,"redeemed":true}}
409 {"result":"already redeemed"}   (or "not paid yet", "reversed", "test payment")
404 {"result":"unknown session"}</code></pre>
  <p>Ask for a session's status from a script, as JSON, to show the buyer how far the payment is
    (<code>state</code> is <code>open</code>, <code>waiting</code> or <code>closed</code>; an unknown code is a 404):</p>
  <pre><code>curl '<c:out value="${checkUrl}"/>?session=7KQ2M9XA&amp;format=json'
{"session":"7KQ2M9XA","state":"waiting","received":3,"required":4,"waitSeconds":86100}</code></pre>
  <p>Or from Java: <code>SmsSafePayments.of(getServletContext()).session(code)</code>.</p>
  <p>To act on every paid session as it closes, implement <code>lt.smssafe.api.PaymentAction</code> (see docs/payment-action.md).</p>
</section>
<%@ include file="footer.jspf" %>
