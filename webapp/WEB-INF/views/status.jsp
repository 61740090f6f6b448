<%@ page session="false" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %>
<fmt:setLocale value="${lang}" scope="request"/>
<fmt:setBundle basename="lt.smssafe.web.pages" scope="request"/>
<fmt:message key="status.title" var="pageTitle" scope="request"/>
<c:if test="${not empty status and not status.isClosed()}"><c:set var="refreshSeconds" value="10" scope="request"/></c:if>
<%@ include file="header.jspf" %>
<%@ include file="languages.jspf" %>
<h1><fmt:message key="status.title"/> <span class="code" id="session-code"><c:out value="${code}"/></span></h1>
<c:choose>
  <c:when test="${not empty retryAfter}">
    <p class="error" id="too-many-requests"><fmt:message key="status.tooMany"><fmt:param value="${retryAfter}"/></fmt:message></p>
  </c:when>
  <c:when test="${empty status}">
    <p class="error" id="unknown-session"><fmt:message key="status.unknown"/></p>
  </c:when>
  <c:otherwise>
    <p class="state state-${status.stateCode()}" id="state" data-state="<c:out value="${status.stateCode()}"/>"><fmt:message key="status.state.${status.stateCode()}"/></p>
    <c:if test="${status.test()}"><p class="flag" id="flag-test"><fmt:message key="status.test"/></p></c:if>
    <c:if test="${status.isReversed()}"><p class="flag" id="flag-reversed"><fmt:message key="status.reversed"/></p></c:if>
    <c:if test="${status.isRedeemed()}"><p class="flag" id="flag-redeemed"><fmt:message key="status.redeemed"/></p></c:if>
    <table class="facts">
      <tr><th><fmt:message key="status.received"/></th><td id="received"><c:out value="${status.received()}"/> / <c:out value="${status.required()}"/></td></tr>
      <c:if test="${status.stateCode() == 'waiting'}">
        <tr><th><fmt:message key="status.waitLeft"/></th><td id="wait-left"><c:out value="${waitLeft}"/></td></tr>
      </c:if>
      <tr><th><fmt:message key="${status.isClosed() ? 'status.paid' : 'status.total'}"/></th><td id="paid"><c:out value="${status.total()}"/> <c:out value="${status.currency()}"/></td></tr>
      <tr><th><fmt:message key="status.phone"/></th><td id="phone"><c:out value="${status.maskedMsisdn()}"/></td></tr>
      <tr><th><fmt:message key="status.openedAt"/></th><td><time><c:out value="${times.format(status.openedAt())}"/></time></td></tr>
      <c:if test="${status.isClosed()}">
        <tr><th><fmt:message key="status.closedAt"/></th><td id="closed-at"><time><c:out value="${times.format(status.closedAt())}"/></time></td></tr>
      </c:if>
    </table>
    <c:if test="${not status.isClosed()}"><p class="muted"><fmt:message key="status.refresh"/></p></c:if>
  </c:otherwise>
</c:choose>
<c:url var="payLink" value="/check"><c:if test="${not empty status and not empty status.content()}"><c:param name="content" value="${status.content()}"/></c:if><c:if test="${not empty langParam}"><c:param name="lang" value="${langParam}"/></c:if></c:url>
<p><a id="pay-link" href="<c:out value="${payLink}"/>"><fmt:message key="check.title"/></a></p>
<%@ include file="footer.jspf" %>
