<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Dashboard" scope="request"/>
<c:set var="wide" value="true" scope="request"/>
<%@ include file="header.jspf" %>
<%@ include file="adminnav.jspf" %>
<h1>Dashboard</h1>
<div class="cards">
  <section class="card" id="today"><h2>Today</h2>
    <c:choose><c:when test="${empty today}"><p class="figure">0 paid</p></c:when>
      <c:otherwise><c:forEach var="e" items="${today}"><p class="figure"><c:out value="${e.value.revenue()}"/> <c:out value="${e.key}"/></p><p class="muted"><c:out value="${e.value.payments()}"/> paid</p></c:forEach></c:otherwise></c:choose>
  </section>
  <section class="card" id="month"><h2>This month</h2>
    <c:choose><c:when test="${empty month}"><p class="figure">0 paid</p></c:when>
      <c:otherwise><c:forEach var="e" items="${month}"><p class="figure"><c:out value="${e.value.revenue()}"/> <c:out value="${e.key}"/></p><p class="muted"><c:out value="${e.value.payments()}"/> paid</p></c:forEach></c:otherwise></c:choose>
  </section>
  <section class="card" id="open"><h2>Open sessions</h2><p class="figure"><a href="${pageContext.request.contextPath}/select"><c:out value="${dashboard.openSessions()}"/></a></p></section>
  <section class="card" id="owed"><h2>Payment actions owed</h2><p class="figure ${owedCount == 0 ? '' : 'error-text'}" id="owed-count"><c:out value="${owedCount}"/></p>
    <c:forEach var="a" items="${owed}" end="2"><p class="muted error-text"><c:out value="${a.reference()}"/>: <c:out value="${a.lastError().orElse('not tried yet')}"/></p></c:forEach></section>
  <section class="card" id="rates-card"><h2>Rates</h2>
    <p><c:out value="${rates.lastSuccess().isPresent() ? 'refreshed '.concat(times.format(rates.lastSuccess())) : 'never refreshed'}"/></p>
    <c:if test="${rates.failingNow()}"><p class="error-text" id="rates-error"><c:out value="${rates.lastFailureReason().orElse('')}"/></p></c:if>
  </section>
</div>
<h2>Paid per day, last 30 days</h2>
<figure class="chart">
  <svg viewBox="0 0 ${chart.width()} ${chart.height()}" role="img" aria-labelledby="chart-title" id="chart">
    <title id="chart-title">Revenue per day of the last 30 days, by country and currency</title>
    <line x1="${chart.left()}" y1="${chart.baseline()}" x2="${chart.width()}" y2="${chart.baseline()}" stroke="#999"/>
    <text x="2" y="${chart.top() + 10}" font-size="11" fill="#555"><c:out value="${chart.maximum()}"/></text>
    <text x="2" y="${chart.baseline()}" font-size="11" fill="#555">0</text>
    <c:forEach var="b" items="${chart.bars()}">
      <rect class="bar" x="${b.x()}" y="${b.y()}" width="${b.width()}" height="${b.height()}" fill="${b.colour()}"><title><c:out value="${b.title()}"/></title></rect>
    </c:forEach>
    <c:forEach var="l" items="${chart.labels()}">
      <text x="${l.x()}" y="${l.y()}" font-size="11" fill="#555"><c:out value="${l.text()}"/></text>
    </c:forEach>
  </svg>
  <figcaption>
    <c:forEach var="l" items="${chart.legend()}"><span class="legend"><span class="swatch" style="background:${l.colour()}"></span><c:out value="${l.name()}"/></span> </c:forEach>
    <c:if test="${empty chart.legend()}">No paid sessions in these days.</c:if>
  </figcaption>
</figure>
<div class="scroll">
<table id="per-day">
  <thead><tr><th>Day</th><th>Paid</th><th>By country</th></tr></thead>
  <tbody>
  <c:forEach var="d" items="${dashboard.days()}">
    <c:if test="${d.payments() > 0}">
      <tr><td><c:out value="${d.date()}"/></td><td class="paid-count"><c:out value="${d.payments()}"/></td>
        <td><c:forEach var="e" items="${d.byCountry()}"><span class="per-country"><c:out value="${e.key}"/>: <c:out value="${e.value.payments()}"/> · <c:out value="${e.value.revenue()}"/></span> </c:forEach></td></tr>
    </c:if>
  </c:forEach>
  </tbody>
</table>
</div>
<p class="muted">Database: <span id="database-in-use"><c:out value="${database}"/></span>. Times in <c:out value="${times.zone()}"/>; test payments are not counted.</p>
<%@ include file="footer.jspf" %>
