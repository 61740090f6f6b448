<%@ page session="false" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Rates" scope="request"/>
<c:set var="wide" value="true" scope="request"/>
<%@ include file="header.jspf" %>
<%@ include file="adminnav.jspf" %>
<h1>Rates</h1>
<c:if test="${not empty outcome}">
  <p class="${outcome.succeeded() ? 'outcome' : 'error'}" id="outcome"><c:out value="${outcome.message()}"/></p>
</c:if>
<table class="facts" id="rates-status">
  <tr><th>Source</th><td id="source"><c:out value="${rates.source().orElse('none: set rates.url')}"/></td></tr>
  <tr><th>Refreshed every</th><td><c:out value="${refreshEvery}"/></td></tr>
  <tr><th>Last attempt</th><td><time><c:out value="${rates.lastAttempt().isPresent() ? times.format(rates.lastAttempt()) : 'never'}"/></time></td></tr>
  <tr><th>Last success</th><td id="last-success"><time><c:out value="${rates.lastSuccess().isPresent() ? times.format(rates.lastSuccess()) : 'never'}"/></time></td></tr>
  <c:choose>
    <c:when test="${rates.failingNow()}">
      <tr><th>Failing since</th><td id="last-failure"><time><c:out value="${times.format(rates.lastFailure())}"/></time>
        <br><span class="error-text" id="failure-reason"><c:out value="${rates.lastFailureReason().orElse('')}"/></span></td></tr>
    </c:when>
    <c:otherwise>
      <tr><th>Last failure</th><td id="last-failure">none since the last success<c:if test="${rates.lastFailure().isPresent()}">
        <br><span class="muted" id="earlier-failure">earlier, resolved: <time><c:out value="${times.format(rates.lastFailure())}"/></time>
        <c:out value="${rates.lastFailureReason().orElse('')}"/></span></c:if></td></tr>
    </c:otherwise>
  </c:choose>
  <tr><th>Feed generated</th><td><time><c:out value="${rates.table().generated().isPresent() ? times.format(rates.table().generated()) : 'unknown'}"/></time></td></tr>
</table>
<form method="post" action="${pageContext.request.contextPath}/cron">
  <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
  <button type="submit">Refresh now</button>
</form>
<p class="muted">From the system's cron: <code>curl -fsS -u admin:… -X POST <c:out value="${cronUrl}"/></code>
  (200 when refreshed, 502 when the refresh failed and the last good rates were kept).</p>
<h2>What the table holds: <c:out value="${rates.table().countries().size()}"/> countries, <c:out value="${rates.table().providerCount()}"/> operators</h2>
<c:choose>
  <c:when test="${rates.table().isEmpty()}"><p id="no-rates">No rates yet: nobody can pay until a refresh succeeds.</p></c:when>
  <c:otherwise>
    <div class="scroll">
    <table id="rates">
      <thead><tr><th>Country</th><th>Operator</th><th>Number</th><th>Text</th><th>Price</th><th>Messages</th><th>Total</th></tr></thead>
      <tbody>
      <c:forEach var="country" items="${rates.table().countries()}">
        <c:forEach var="r" items="${country.providers()}">
          <tr>
            <td><c:out value="${country.name()}"/> (<c:out value="${country.code()}"/>)</td>
            <td><c:out value="${r.providerName()}"/> (<c:out value="${r.provider()}"/>)</td>
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
