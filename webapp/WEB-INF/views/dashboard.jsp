<%@ page session="false" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %>
<fmt:setLocale value="${lang}" scope="request"/>
<fmt:setBundle basename="lt.smssafe.web.pages" scope="request"/>
<fmt:message key="dashboard.title" var="pageTitle" scope="request"/>
<c:set var="wide" value="true" scope="request"/>
<%@ include file="header.jspf" %>
<%@ include file="adminnav.jspf" %>
<%@ include file="languages.jspf" %>
<h1><fmt:message key="dashboard.title"/></h1>
<c:if test="${failedWebhooks > 0}"><p class="warning" id="webhooks-failed"><a href="${pageContext.request.contextPath}/select#webhook-failed"><fmt:message key="dashboard.webhooksFailed"><fmt:param value="${failedWebhooks}"/></fmt:message></a></p></c:if>
<div class="cards">
  <section class="card" id="today"><h2><fmt:message key="dashboard.today"/></h2>
    <c:choose><c:when test="${empty today}"><p class="figure"><fmt:message key="dashboard.paid"><fmt:param value="0"/></fmt:message></p></c:when>
      <c:otherwise><c:forEach var="e" items="${today}"><p class="figure"><c:out value="${e.value.revenue()}"/> <c:out value="${e.key}"/></p><p class="muted"><fmt:message key="dashboard.paid"><fmt:param value="${e.value.payments()}"/></fmt:message></p></c:forEach></c:otherwise></c:choose>
  </section>
  <section class="card" id="month"><h2><fmt:message key="dashboard.month"/></h2>
    <c:choose><c:when test="${empty month}"><p class="figure"><fmt:message key="dashboard.paid"><fmt:param value="0"/></fmt:message></p></c:when>
      <c:otherwise><c:forEach var="e" items="${month}"><p class="figure"><c:out value="${e.value.revenue()}"/> <c:out value="${e.key}"/></p><p class="muted"><fmt:message key="dashboard.paid"><fmt:param value="${e.value.payments()}"/></fmt:message></p></c:forEach></c:otherwise></c:choose>
  </section>
  <section class="card" id="open"><h2><fmt:message key="dashboard.open"/></h2><p class="figure"><a href="${pageContext.request.contextPath}/select"><c:choose><c:when test="${dashboard.openSessionsBeyond()}"><fmt:message key="dashboard.beyond"><fmt:param value="${dashboard.countedUpTo()}"/></fmt:message></c:when><c:otherwise><c:out value="${dashboard.openSessions()}"/></c:otherwise></c:choose></a></p></section>
  <fmt:message key="dashboard.notTried" var="notTried"/>
  <section class="card" id="owed"><h2><fmt:message key="dashboard.owed"/></h2><p class="figure ${owedCount == 0 ? '' : 'error-text'}" id="owed-count"><c:choose><c:when test="${dashboard.owedActionsBeyond()}"><fmt:message key="dashboard.beyond"><fmt:param value="${dashboard.countedUpTo()}"/></fmt:message></c:when><c:otherwise><c:out value="${owedCount}"/></c:otherwise></c:choose></p>
    <c:forEach var="a" items="${owed}"><p class="muted error-text"><c:out value="${a.reference()}"/>: <c:out value="${a.lastError().orElse(notTried)}"/></p></c:forEach></section>
  <section class="card" id="rates-card"><h2><fmt:message key="dashboard.rates"/></h2>
    <p><c:choose><c:when test="${rates.lastSuccess().isPresent()}"><fmt:message key="dashboard.ratesRefreshed"><fmt:param value="${times.format(rates.lastSuccess())}"/></fmt:message></c:when><c:otherwise><fmt:message key="dashboard.ratesNever"/></c:otherwise></c:choose></p>
    <c:if test="${rates.failingNow()}"><p class="error-text" id="rates-error"><c:out value="${rates.lastFailureReason().orElse('')}"/></p></c:if>
    <c:if test="${not empty fortumoRates and fortumoRates.failingNow()}"><p class="error-text" id="fortumo-rates-error"><c:out value="${fortumoRates.lastFailureReason().orElse('')}"/></p></c:if>
    <c:if test="${ratesTable.isEmpty()}"><p class="error-text" id="rates-missing"><fmt:message key="dashboard.ratesMissing"/>
      <c:choose><c:when test="${empty rates.source().orElse(null) and empty fortumoRates}"><fmt:message key="dashboard.ratesNoSource"/></c:when>
        <c:when test="${rates.lastAttempt().isEmpty() and not rates.failingNow()}"><fmt:message key="dashboard.ratesNotTried"/></c:when></c:choose>
      <a href="${pageContext.request.contextPath}/cron"><fmt:message key="admin.nav.rates"/></a></p></c:if>
  </section>
</div>
<h2><fmt:message key="dashboard.chartHeading"><fmt:param value="${days}"/></fmt:message></h2>
<nav class="split" id="split"><c:forEach var="by" items="COUNTRY,OPERATOR"><c:choose><c:when test="${dashboard.split().name() == by}"><strong><fmt:message key="dashboard.by.${by}"/></strong></c:when><c:otherwise><c:url var="splitUrl" value="/dashboard"><c:if test="${by == 'OPERATOR'}"><c:param name="by" value="operator"/></c:if><c:if test="${not empty langParam}"><c:param name="lang" value="${langParam}"/></c:if></c:url><a href="<c:out value="${splitUrl}"/>"><fmt:message key="dashboard.by.${by}"/></a></c:otherwise></c:choose> </c:forEach></nav>
<figure class="chart">
  <svg viewBox="0 0 ${chart.width()} ${chart.height()}" role="img" aria-labelledby="chart-title" id="chart">
    <title id="chart-title"><fmt:message key="dashboard.chartTitle.${dashboard.split().name()}"><fmt:param value="${days}"/></fmt:message></title>
    <line x1="${chart.left()}" y1="${chart.baseline()}" x2="${chart.width()}" y2="${chart.baseline()}" stroke="#999"/>
    <text class="axis" x="2" y="${chart.top()}" dominant-baseline="hanging" font-size="11" fill="#555"><c:out value="${chart.maximum()}"/></text>
    <text class="axis" x="2" y="${chart.baseline()}" font-size="11" fill="#555">0</text>
    <c:forEach var="b" items="${chart.bars()}">
      <rect class="bar" x="${b.x()}" y="${b.y()}" width="${b.width()}" height="${b.height()}" fill="${b.colour()}"><title><c:out value="${b.title()}"/></title></rect>
    </c:forEach>
    <c:forEach var="l" items="${chart.labels()}">
      <text class="axis" x="${l.x()}" y="${l.y()}" text-anchor="${l.anchor()}" font-size="11" fill="#555"><c:out value="${l.text()}"/></text>
    </c:forEach>
  </svg>
  <figcaption>
    <c:forEach var="l" items="${chart.legend()}"><span class="legend"><span class="swatch" style="background:${l.colour()}"></span><c:out value="${l.name()}"/></span> </c:forEach>
    <c:if test="${empty chart.legend()}"><fmt:message key="dashboard.noPayments"/></c:if>
  </figcaption>
</figure>
<div class="scroll">
<table id="per-day">
  <thead><tr><th><fmt:message key="dashboard.day"/></th><th><fmt:message key="dashboard.paidColumn"/></th><th><fmt:message key="dashboard.by.${dashboard.split().name()}"/></th></tr></thead>
  <tbody>
  <c:forEach var="d" items="${dashboard.days()}">
    <c:if test="${d.payments() > 0}">
      <tr><td><time datetime="${d.date()}"><c:out value="${times.formatDay(d.date())}"/></time></td><td class="paid-count"><c:out value="${d.payments()}"/></td>
        <td><c:forEach var="e" items="${d.bySeries()}"><span class="per-series"><c:out value="${seriesNames[e.key]}"/>: <c:out value="${e.value.payments()}"/> · <c:out value="${e.value.revenue()}"/></span> </c:forEach></td></tr>
    </c:if>
  </c:forEach>
  </tbody>
</table>
</div>
<p class="muted"><fmt:message key="dashboard.database"/>: <span id="database-in-use"><c:choose><c:when test="${databaseEmbedded}"><fmt:message key="dashboard.database.embedded" var="databaseLine"><fmt:param value="${dataDir}"/><fmt:param value="${datasource}"/></fmt:message></c:when><c:otherwise><fmt:message key="dashboard.database.bound" var="databaseLine"><fmt:param value="${datasource}"/></fmt:message></c:otherwise></c:choose><c:out value="${databaseLine}"/></span>. <fmt:message key="dashboard.footer"><fmt:param value="${times.zone()}"/></fmt:message></p>
<%@ include file="footer.jspf" %>
