<%@ page session="false" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %>
<fmt:setLocale value="${lang}" scope="request"/>
<fmt:setBundle basename="lt.smssafe.web.pages" scope="request"/>
<fmt:message key="check.title" var="pageTitle" scope="request"/>
<%@ include file="header.jspf" %>
<%@ include file="languages.jspf" %>
<c:url var="self" value="/check"><c:if test="${not empty content}"><c:param name="content" value="${content}"/></c:if><c:if test="${not empty langParam}"><c:param name="lang" value="${langParam}"/></c:if></c:url>
<h1><fmt:message key="check.title"/></h1>
<c:if test="${not table.isEmpty()}"><p><fmt:message key="check.intro"/></p></c:if>
<c:if test="${unknownChoice}"><p class="error" id="unknown-choice"><fmt:message key="check.unknownChoice"/></p></c:if>
<c:choose>
  <c:when test="${table.isEmpty()}">
    <%-- no rates yet: payments still work (docs/protocol.md §3, the messages key), only the numbers are unknown here --%>
    <p class="warning" id="no-rates"><fmt:message key="check.noRates"/></p>
    <p id="no-rates-status"><fmt:message key="check.noRatesStatus"/></p>
  </c:when>
  <c:otherwise>
    <section class="step">
      <h2><fmt:message key="check.step1"/></h2>
      <c:choose>
        <c:when test="${not empty country}">
          <p class="chosen" id="chosen-country"><strong><c:out value="${countryNames[country.code()]}"/></strong>
            <a href="<c:out value="${self}"/>">(<fmt:message key="check.change"/>)</a></p>
        </c:when>
        <c:otherwise>
          <ul class="choices" id="countries">
            <c:forEach var="c" items="${table.countries()}">
              <c:url var="link" value="/check"><c:param name="country" value="${c.code()}"/><c:if test="${not empty content}"><c:param name="content" value="${content}"/></c:if><c:if test="${not empty langParam}"><c:param name="lang" value="${langParam}"/></c:if></c:url>
              <li><a href="<c:out value="${link}"/>" data-country="<c:out value="${c.code()}"/>"><c:out value="${countryNames[c.code()]}"/></a></li>
            </c:forEach>
          </ul>
        </c:otherwise>
      </c:choose>
    </section>
    <c:if test="${not empty country}">
      <c:url var="countryLink" value="/check"><c:param name="country" value="${country.code()}"/><c:if test="${not empty content}"><c:param name="content" value="${content}"/></c:if><c:if test="${not empty langParam}"><c:param name="lang" value="${langParam}"/></c:if></c:url>
      <section class="step">
        <h2><fmt:message key="check.step2"/></h2>
        <c:choose>
          <c:when test="${not empty rate}">
            <c:set var="p" value="${rate}"/>
            <p class="chosen" id="chosen-provider"><strong><%@ include file="check-entry.jspf" %></strong>
              <a href="<c:out value="${countryLink}"/>">(<fmt:message key="check.change"/>)</a></p>
          </c:when>
          <c:otherwise>
            <ul class="choices" id="providers">
              <c:forEach var="p" items="${choices}">
                <c:url var="link" value="/check"><c:param name="country" value="${country.code()}"/><c:param name="provider" value="${p.operator()}"/><c:if test="${country.namesGateway(p)}"><c:param name="gateway" value="${p.gateway().code()}"/></c:if><c:if test="${not empty content}"><c:param name="content" value="${content}"/></c:if><c:if test="${not empty langParam}"><c:param name="lang" value="${langParam}"/></c:if></c:url>
                <li><a href="<c:out value="${link}"/>" data-provider="<c:out value="${p.operator()}"/>" data-gateway="<c:out value="${p.gateway().code()}"/>"><%@ include file="check-entry.jspf" %></a></li>
              </c:forEach>
            </ul>
          </c:otherwise>
        </c:choose>
      </section>
    </c:if>
    <c:if test="${not empty rate}">
      <section class="step" id="instructions">
        <h2><fmt:message key="check.step3"/></h2>
        <p><fmt:message key="check.sendText"/></p>
        <p class="sms-text" id="text-to-send"><c:out value="${textToSend}"/></p>
        <p><fmt:message key="check.toNumber"/> <strong class="shortcode" id="shortcode"><c:out value="${rate.shortcode()}"/></strong>,
          <strong id="times"><c:out value="${rate.messages()}"/></strong> <fmt:message key="check.times.${timesForm}"/>.</p>
        <table class="facts">
          <tr><th><fmt:message key="check.pricePerMessage"/></th>
            <td id="price"><c:out value="${rate.price()}"/> <c:out value="${rate.currency()}"/>
              (<c:choose><c:when test="${rate.vatIncluded()}"><fmt:message key="check.vat.included"/></c:when><c:otherwise><fmt:message key="check.vat.excluded"/></c:otherwise></c:choose>)</td></tr>
          <tr><th><fmt:message key="check.messages"/></th><td id="messages"><c:out value="${rate.messages()}"/></td></tr>
          <tr><th><fmt:message key="check.total"/></th><td id="total"><c:out value="${rate.total()}"/> <c:out value="${rate.currency()}"/></td></tr>
        </table>
        <c:forEach var="note" items="${notes}"><p class="note"><span lang="<c:out value="${notesLanguage}"/>"><c:out value="${note}"/></span><c:if test="${not empty notesLanguageName}"> <span class="muted note-language"><fmt:message key="check.noteLanguage" var="noteLanguage"><fmt:param value="${notesLanguageName}"/></fmt:message><c:out value="${noteLanguage}"/></span></c:if></p></c:forEach>
        <c:if test="${not empty promotionalText}"><p class="note promotion" id="promotional-text"><c:out value="${promotionalText}"/></p></c:if>
        <c:if test="${delayed}">
          <p class="warning" id="delay-warning"><fmt:message key="check.delay"><fmt:param><c:out value="${delay}"/></fmt:param></fmt:message></p>
        </c:if>
        <p><fmt:message key="check.replies"/></p>
      </section>
    </c:if>
  </c:otherwise>
</c:choose>
<section class="step">
  <h2><fmt:message key="check.statusTitle"/></h2>
  <form method="get" action="${pageContext.request.contextPath}/check" class="status-form">
    <c:if test="${not empty langParam}"><input type="hidden" name="lang" value="<c:out value="${langParam}"/>"></c:if>
    <label><fmt:message key="check.statusCode"/> <input name="session" maxlength="8" size="10" autocomplete="off" required></label>
    <button type="submit"><fmt:message key="check.statusShow"/></button>
  </form>
</section>
<%@ include file="footer.jspf" %>
