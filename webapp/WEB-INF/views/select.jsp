<%@ page session="false" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Open sessions" scope="request"/>
<c:set var="wide" value="true" scope="request"/>
<%@ include file="header.jspf" %>
<%@ include file="adminnav.jspf" %>
<h1>Unclosed sessions</h1>
<form method="get" action="${pageContext.request.contextPath}/select" class="filters">
  <label>Phone starts with <input name="msisdn" value="<c:out value="${filter_msisdn}"/>" size="14" inputmode="numeric"></label>
  <label>Country <input name="country" value="<c:out value="${filter_country}"/>" size="3"></label>
  <label>Operator <input name="provider" value="<c:out value="${filter_provider}"/>" size="12"></label>
  <label>State <select name="state">
    <option value="">open and waiting</option>
    <option value="open" ${filter_state == 'open' ? 'selected' : ''}>open</option>
    <option value="waiting" ${filter_state == 'waiting' ? 'selected' : ''}>waiting</option>
  </select></label>
  <button type="submit">Filter</button>
</form>
<c:if test="${not empty filter_msisdn}"><p class="muted">With a phone filter the list is in the order of the phone numbers, each phone's newest session first.</p></c:if>
<c:choose>
  <c:when test="${empty rows}"><p id="no-sessions">No unclosed sessions match.</p></c:when>
  <c:otherwise>
    <div class="scroll">
    <table id="sessions">
      <thead><tr><th>Code</th><th>Gateway</th><th>Phone</th><th>Country</th><th>Operator</th><th>State</th><th>k/N</th>
        <th>Time left</th><th>Content</th><th>Paid</th><th>Opened</th><th>Last message</th></tr></thead>
      <tbody>
      <c:forEach var="row" items="${rows}">
        <c:set var="s" value="${row.session()}"/>
        <tr>
          <td><a href="<c:url value="/check"><c:param name="session" value="${s.code()}"/></c:url>"><c:out value="${s.code()}"/></a></td>
          <td><c:out value="${s.dialect()}"/><c:if test="${s.test()}"> <span class="tag">test</span></c:if></td>
          <td><c:out value="${s.msisdn()}"/></td>
          <td><c:out value="${s.country()}"/></td>
          <td><c:out value="${s.operator()}"/></td>
          <td><c:out value="${s.stateCode()}"/></td>
          <td><c:out value="${s.received()}"/>/<c:out value="${s.required()}"/></td>
          <td><c:if test="${s.stateCode() == 'waiting'}"><c:out value="${row.waitLeft()}"/></c:if></td>
          <td class="content"><c:out value="${s.content()}"/></td>
          <td><c:out value="${s.total()}"/> <c:out value="${s.currency()}"/></td>
          <td><time><c:out value="${times.format(s.openedAt())}"/></time></td>
          <td><time><c:out value="${times.format(s.lastMessageAt())}"/></time></td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
    </div>
  </c:otherwise>
</c:choose>
<c:set var="olderLink"><c:url value="/select"><c:param name="msisdn" value="${filter_msisdn}"/><c:param name="country" value="${filter_country}"/><c:param name="provider" value="${filter_provider}"/><c:param name="state" value="${filter_state}"/><c:param name="cursor" value="${page.older().orElse('')}"/></c:url></c:set>
<c:set var="newestLink"><c:url value="/select"><c:param name="msisdn" value="${filter_msisdn}"/><c:param name="country" value="${filter_country}"/><c:param name="provider" value="${filter_provider}"/><c:param name="state" value="${filter_state}"/></c:url></c:set>
<c:if test="${page.isWindowed()}">
  <p id="searched" class="searched">Searched <c:choose><c:when test="${page.searchedBackTo().isPresent()}">the sessions back to <time datetime="${times.iso(page.searchedBackTo().get())}"><c:out value="${times.format(page.searchedBackTo().get())}"/></time></c:when><c:otherwise>the phones up to <c:out value="${page.searchedPhonesTo().get()}"/></c:otherwise></c:choose>: <c:out value="${page.items().size()}"/> matched so far. <a id="search-older" rel="next" href="<c:out value="${olderLink}"/>">Search older</a></p>
</c:if>
<nav class="pages">
  <c:if test="${page.hasPrevious()}"><a rel="first" href="<c:out value="${newestLink}"/>">« newest</a></c:if>
  <c:if test="${page.hasNext() and not page.isWindowed()}"><a rel="next" href="<c:out value="${olderLink}"/>">older →</a></c:if>
</nav>

<h2>Payment actions not yet succeeded</h2>
<c:choose>
  <c:when test="${empty actions}"><p id="no-actions">Every payment action has succeeded.</p></c:when>
  <c:otherwise>
    <div class="scroll">
    <table id="actions">
      <thead><tr><th>Payment</th><th>Reference</th><th>To</th><th>Attempts</th><th>Last error</th><th>Next attempt</th><th>Owed since</th></tr></thead>
      <tbody>
      <c:forEach var="a" items="${actions}">
        <tr>
          <td><c:out value="${a.kind()}"/></td>
          <td><c:out value="${a.reference()}"/></td>
          <td><c:out value="${a.target() == 'WEBHOOK' ? 'webhook' : 'payment action'}"/></td>
          <td><c:out value="${a.attempts()}"/></td>
          <td class="error-text"><c:out value="${a.lastError().orElse('')}"/></td>
          <td><c:choose><c:when test="${a.failedAt().isPresent()}">given up <time><c:out value="${times.format(a.failedAt())}"/></time></c:when><c:otherwise><time><c:out value="${times.format(a.nextAttemptAt())}"/></time></c:otherwise></c:choose></td>
          <td><time><c:out value="${times.format(a.createdAt())}"/></time></td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
    </div>
  </c:otherwise>
</c:choose>

<h2>Reversed payments</h2>
<p class="muted">Closed sessions the gateway later reported a message of as not billed: the session stays paid,
  your payment action's <code>paymentReversed</code> is told once.</p>
<c:choose>
  <c:when test="${empty reversed}"><p id="no-reversed">No reversed payments.</p></c:when>
  <c:otherwise>
    <div class="scroll">
    <table id="reversed">
      <thead><tr><th>Code</th><th>Gateway</th><th>Phone</th><th>Content</th><th>Paid</th><th>Reversed</th><th>Reported</th></tr></thead>
      <tbody>
      <c:forEach var="s" items="${reversed}">
        <tr>
          <td><a href="<c:url value="/check"><c:param name="session" value="${s.code()}"/></c:url>"><c:out value="${s.code()}"/></a></td>
          <td><c:out value="${s.dialect()}"/><c:if test="${s.test()}"> <span class="tag">test</span></c:if></td>
          <td><c:out value="${s.msisdn()}"/></td>
          <td class="content"><c:out value="${s.content()}"/></td>
          <td><c:out value="${s.total()}"/> <c:out value="${s.currency()}"/></td>
          <td><c:out value="${s.reversedTotal()}"/> <c:out value="${s.currency()}"/></td>
          <td><time><c:out value="${times.format(s.reversedAt())}"/></time></td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
    </div>
  </c:otherwise>
</c:choose>

<h2>Messages without a sender</h2>
<p class="muted">The gateway could not tell who sent them, and one message does not pay: they were answered
  "your number could not be identified" and counted nowhere.</p>
<c:choose>
  <c:when test="${empty unattributed}"><p id="no-unattributed">No messages without a sender.</p></c:when>
  <c:otherwise>
    <div class="scroll">
    <table id="unattributed">
      <thead><tr><th>Gateway</th><th>Message id</th><th>Country</th><th>Operator</th><th>Content</th><th>Price</th><th>Received</th></tr></thead>
      <tbody>
      <c:forEach var="m" items="${unattributed}">
        <tr>
          <td><c:out value="${m.dialect()}"/><c:if test="${m.test()}"> <span class="tag">test</span></c:if></td>
          <td><c:out value="${m.messageId()}"/></td>
          <td><c:out value="${m.country()}"/></td>
          <td><c:out value="${m.operator()}"/></td>
          <td class="content"><c:out value="${m.content()}"/></td>
          <td><c:out value="${m.cost()}"/> <c:out value="${m.currency()}"/></td>
          <td><time><c:out value="${times.format(m.receivedAt())}"/></time></td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
    </div>
  </c:otherwise>
</c:choose>

<h2>Reports about unknown messages</h2>
<c:choose>
  <c:when test="${empty unmatched}"><p id="no-unmatched">No reports about unknown messages.</p></c:when>
  <c:otherwise>
    <div class="scroll">
    <table id="unmatched">
      <thead><tr><th>Gateway</th><th>Message id</th><th>Status</th><th>Reports</th><th>Last</th></tr></thead>
      <tbody>
      <c:forEach var="r" items="${unmatched}">
        <tr>
          <td><c:out value="${r.dialect()}"/></td>
          <td><c:out value="${r.messageId()}"/></td>
          <td><c:out value="${r.status()}"/></td>
          <td><c:out value="${r.reports()}"/></td>
          <td><time><c:out value="${times.format(r.receivedAt())}"/></time></td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
    </div>
  </c:otherwise>
</c:choose>
<%@ include file="footer.jspf" %>
