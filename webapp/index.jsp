<%@ page session="false" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Payments by SMS" scope="request"/>
<%@ include file="WEB-INF/views/header.jspf" %>
<h1><c:out value="${empty siteName ? 'sms:safe' : siteName}"/></h1>
<p>This site takes payments by premium SMS.</p>
<ul>
  <li><a href="${pageContext.request.contextPath}/check">How to pay by SMS, and the state of your payment</a></li>
</ul>
<p>Administrators:</p>
<ul>
  <li><a href="${pageContext.request.contextPath}/dashboard">Dashboard</a>: revenue per day, today and this month,
    what needs your attention</li>
  <li><a href="${pageContext.request.contextPath}/payments">Payments</a>: every payment, searchable, and its CSV</li>
  <li><a href="${pageContext.request.contextPath}/select">Open sessions and owed payment actions</a></li>
  <li><a href="${pageContext.request.contextPath}/cron">Rates</a></li>
  <li><a href="${pageContext.request.contextPath}/setup">Database setup</a></li>
  <li><a href="${pageContext.request.contextPath}/integration">Integration</a>: the URLs to give each gateway</li>
</ul>
<%@ include file="WEB-INF/views/footer.jspf" %>
