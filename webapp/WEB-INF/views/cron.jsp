<%@ page session="false" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Rates" scope="request"/>
<c:set var="wide" value="true" scope="request"/>
<%@ include file="header.jspf" %>
<%@ include file="adminnav.jspf" %>
<h1>Rates</h1>
<c:forEach var="outcome" items="${outcomes}" varStatus="i">
  <p class="${outcome.succeeded() ? 'outcome' : 'error'}" id="outcome${i.index == 0 ? '' : i.index + 1}"><c:out value="${outcome.message()}"/></p>
</c:forEach>
<c:forEach var="line" items="${staleNotes}" varStatus="i">
  <p class="warning stale-notes"><c:out value="${line}"/></p>
</c:forEach>
<c:if test="${not empty fortumoRates}"><h2>The feed (rates.url, kept as local.xml)</h2></c:if>
<c:set var="src" value="${rates}"/>
<c:set var="idPrefix" value=""/>
<c:set var="sourceMissing" value="none: set rates.url"/>
<%@ include file="cron-source.jspf" %>
<c:if test="${not empty fortumoRates}">
  <h2>Fortumo's service-data XML (fortumo.rates.url, kept as fortumo.xml)</h2>
  <c:set var="src" value="${fortumoRates}"/>
  <c:set var="idPrefix" value="fortumo-"/>
  <c:set var="sourceMissing" value="none"/>
  <%@ include file="cron-source.jspf" %>
</c:if>
<form method="post" action="${pageContext.request.contextPath}/cron">
  <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
  <button type="submit">Refresh now</button>
</form>
<p class="muted">From the system's cron: <code>curl -fsS -u admin:… -X POST <c:out value="${cronUrl}"/></code>
  (200 when every source was refreshed, 502 when one failed and its last good rates were kept; one line each).</p>
<h2>What the table holds: <c:out value="${table.countries().size()}"/> countries, <c:out value="${table.entryCount()}"/> operators</h2>
<c:choose>
  <c:when test="${table.isEmpty()}"><p class="warning" id="no-rates">No rates yet, so <code>/check</code> tells buyers
    that paying by SMS works but shows no numbers or prices. Payments are still counted: <code>/result</code> and the
    gateways take messages, and each session needs <strong id="messages-key"><c:out value="${messages}"/></strong>
    messages (the <code>messages</code> key) until rates name a count. Why the rates are missing:
    <span id="no-rates-why"><c:choose><c:when test="${empty rates.source().orElse(null) and empty fortumoRates}">no source is set
    (set <code>rates.url</code> or <code>fortumo.rates.url</code>)</c:when><c:when test="${rates.failingNow() or (not empty fortumoRates and fortumoRates.failingNow())}">the
    last refresh failed (the reason is above)</c:when><c:when test="${rates.lastAttempt().isEmpty()}">the first refresh
    has not finished yet</c:when><c:otherwise>the source answered with no entries this site can use</c:otherwise></c:choose></span>.</p></c:when>
  <c:otherwise>
    <div class="scroll">
    <table id="rates">
      <thead><tr><th>Country</th><th>Operator</th><th>Gateway</th><th>Number</th><th>Text</th><th>Price</th><th>Messages</th><th>Total</th></tr></thead>
      <tbody>
      <c:forEach var="country" items="${table.countries()}">
        <c:forEach var="r" items="${country.entries()}">
          <tr>
            <td><c:out value="${country.name()}"/> (<c:out value="${country.code()}"/>)</td>
            <td><c:out value="${r.operatorName()}"/> (<c:out value="${r.operator()}"/>)</td>
            <td><c:out value="${r.gateway().displayName()}"/></td>
            <td><c:out value="${r.shortcode()}"/></td>
            <td><c:out value="${r.prefix()}"/></td>
            <td><c:out value="${r.price()}"/> <c:out value="${r.currency()}"/> <c:out value="${r.vatIncluded() ? 'VAT incl.' : 'VAT excl.'}"/></td>
            <td><c:out value="${r.messages()}"/></td>
            <td><c:out value="${r.total()}"/> <c:out value="${r.currency()}"/></td>
          </tr>
        </c:forEach>
      </c:forEach>
      </tbody>
    </table>
    </div>
  </c:otherwise>
</c:choose>
<%@ include file="footer.jspf" %>
