<%@ page session="false" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Payments" scope="request"/>
<c:set var="wide" value="true" scope="request"/>
<%@ include file="header.jspf" %>
<%@ include file="adminnav.jspf" %>
<h1>Payments</h1>
<form method="get" action="${pageContext.request.contextPath}/payments" class="filters" id="payment-filter">
  <label>Code <input name="code" value="<c:out value="${filter_code}"/>" size="9"></label>
  <label>Phone starts with <input name="msisdn" value="<c:out value="${filter_msisdn}"/>" size="12"></label>
  <label>Content <input name="content" value="<c:out value="${filter_content}"/>" size="12"></label>
  <label>Country <input name="country" value="<c:out value="${filter_country}"/>" size="3"></label>
  <label>Operator <input name="provider" value="<c:out value="${filter_provider}"/>" size="10"></label>
  <label>Gateway <select name="dialect">
    <option value="">any</option>
    <c:forEach var="d" items="${['smssafe', 'fortumo', 'paysera']}"><option value="${d}" ${filter_dialect == d ? 'selected' : ''}><c:out value="${d}"/></option></c:forEach>
  </select></label>
  <label>State <select name="state">
    <option value="">any</option>
    <c:forEach var="s" items="${states}"><option value="${s}" ${filter_state == s ? 'selected' : ''}><c:out value="${s}"/></option></c:forEach>
  </select></label>
  <label>Redeemed <select name="redeemed">
    <option value="">any</option>
    <c:forEach var="r" items="${redeemedChoices}"><option value="${r}" ${filter_redeemed == r ? 'selected' : ''}><c:out value="${r}"/></option></c:forEach>
  </select></label>
  <label>From <input type="date" name="from" value="<c:out value="${filter_from}"/>"></label>
  <label>To <input type="date" name="to" value="<c:out value="${filter_to}"/>"></label>
  <button type="submit">Filter</button>
  <a id="csv" href="${pageContext.request.contextPath}/payments?<c:out value="${query}"/><c:if test="${not empty query}">&amp;</c:if>format=csv">CSV of this list</a>
</form>
<p class="muted">Times in <c:out value="${times.zone()}"/>.<c:choose><c:when test="${not empty filter_msisdn and empty filter_code}"> With a phone filter the list is in the order of the phone numbers, each phone's newest payment first.</c:when><c:when test="${filter_state == 'reversed' and empty filter_code}"> The reversed payments come latest reversal first.</c:when></c:choose></p>
<c:choose>
  <c:when test="${empty page.items()}"><p id="no-payments">No payments match.</p></c:when>
  <c:otherwise>
    <div class="scroll">
    <table id="payments">
      <thead><tr><th>Code</th><th>State</th><th>Gateway</th><th>Phone</th><th>Country</th><th>Operator</th>
        <th>k/N</th><th>Content</th><th>Paid</th><th>Redeemed</th><th>Opened</th><th>Last message</th></tr></thead>
      <tbody>
      <c:forEach var="s" items="${page.items()}">
        <tr>
          <td><a href="<c:url value="/payment"><c:param name="code" value="${s.code()}"/></c:url>"><c:out value="${s.code()}"/></a></td>
          <td><c:out value="${s.isReversed() ? 'reversed' : s.stateCode()}"/><c:if test="${s.test()}"> <span class="tag">test</span></c:if></td>
          <td><c:out value="${s.dialect()}"/></td>
          <td><c:out value="${s.msisdn()}"/></td>
          <td><c:out value="${s.country()}"/></td>
          <td><c:out value="${s.operator()}"/></td>
          <td><c:out value="${s.received()}"/>/<c:out value="${s.required()}"/></td>
          <td class="content"><c:out value="${s.content()}"/></td>
          <td class="money"><c:out value="${s.total()}"/> <c:out value="${s.currency()}"/><c:if test="${s.isReversed()}"><br><span class="reversed-total">−<c:out value="${s.reversedTotal()}"/> <c:out value="${s.currency()}"/> reversed</span></c:if></td>
          <td class="redeemed"><c:if test="${s.isRedeemed()}"><time datetime="${times.iso(s.redeemedAt())}"><c:out value="${times.format(s.redeemedAt())}"/></time><br><span class="content"><c:out value="${s.redeemedFor().get()}"/></span></c:if></td>
          <td><time datetime="${times.iso(s.openedAt())}"><c:out value="${times.format(s.openedAt())}"/></time></td>
          <td><time datetime="${times.iso(s.lastMessageAt())}"><c:out value="${times.format(s.lastMessageAt())}"/></time></td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
    </div>
  </c:otherwise>
</c:choose>
<c:set var="olderLink"><c:url value="/payments"><c:forEach var="f" items="${['code','msisdn','content','country','provider','dialect','state','redeemed','from','to']}"><c:param name="${f}" value="${requestScope['filter_'.concat(f)]}"/></c:forEach><c:param name="cursor" value="${page.older().orElse('')}"/></c:url></c:set>
<c:set var="newestLink"><c:url value="/payments"><c:forEach var="f" items="${['code','msisdn','content','country','provider','dialect','state','redeemed','from','to']}"><c:param name="${f}" value="${requestScope['filter_'.concat(f)]}"/></c:forEach></c:url></c:set>
<c:if test="${page.isWindowed()}">
  <p id="searched" class="searched">Searched <c:choose><c:when test="${page.searchedBackTo().isPresent()}">the payments back to <time datetime="${times.iso(page.searchedBackTo().get())}"><c:out value="${times.format(page.searchedBackTo().get())}"/></time></c:when><c:otherwise>the phones up to <c:out value="${page.searchedPhonesTo().get()}"/></c:otherwise></c:choose>: <c:out value="${page.items().size()}"/> matched so far. <a id="search-older" rel="next" href="<c:out value="${olderLink}"/>">Search older</a></p>
</c:if>
<nav class="pages">
  <c:if test="${page.hasPrevious()}"><a rel="first" href="<c:out value="${newestLink}"/>">« newest</a></c:if>
  <c:if test="${page.hasNext() and not page.isWindowed()}"><a rel="next" href="<c:out value="${olderLink}"/>">older →</a></c:if>
</nav>

<h2>MBS transactions</h2>
<c:choose>
  <c:when test="${empty transactions}"><p id="no-transactions">No MBS transactions in these days.</p></c:when>
  <c:otherwise>
    <div class="scroll">
    <table id="transactions">
      <thead><tr><th>Transaction</th><th>Status</th><th>Ident</th><th>Operator</th><th>Account</th><th>Price</th><th>Reported</th></tr></thead>
      <tbody>
      <c:forEach var="t" items="${transactions}">
        <tr>
          <td><c:out value="${t.reference()}"/></td>
          <td><c:out value="${t.status()}"/></td>
          <td class="content"><c:out value="${t.ident()}"/></td>
          <td><c:out value="${t.operator()}"/></td>
          <td><c:out value="${t.accountId()}"/></td>
          <td class="money"><c:out value="${t.price()}"/> <c:out value="${t.currency()}"/></td>
          <td><time datetime="${times.iso(t.lastReportedAt())}"><c:out value="${times.format(t.lastReportedAt())}"/></time></td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
    </div>
  </c:otherwise>
</c:choose>
<%@ include file="footer.jspf" %>
