<%@ page session="false" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Payment" scope="request"/>
<c:set var="wide" value="true" scope="request"/>
<%@ include file="header.jspf" %>
<%@ include file="adminnav.jspf" %>
<h1>Payment <span class="code" id="payment-code"><c:out value="${code}"/></span></h1>
<c:choose>
  <c:when test="${empty detail}"><p class="error" id="unknown-payment">No payment has this code.</p></c:when>
  <c:otherwise>
    <c:set var="s" value="${detail.session()}"/>
    <table class="facts" id="payment-facts">
      <tr><th>State</th><td id="payment-state"><c:out value="${s.isReversed() ? 'reversed' : s.stateCode()}"/><c:if test="${s.test()}"> <span class="tag">test</span></c:if></td></tr>
      <tr><th>Gateway</th><td><c:out value="${s.dialect()}"/></td></tr>
      <tr><th>Phone</th><td><c:out value="${s.msisdn()}"/></td></tr>
      <tr><th>Country and operator</th><td><c:out value="${s.country()}"/> · <c:out value="${s.operator()}"/></td></tr>
      <tr><th>Paid for</th><td class="content"><c:out value="${s.content()}"/></td></tr>
      <tr><th>Messages</th><td><c:out value="${s.received()}"/> of <c:out value="${s.required()}"/></td></tr>
      <tr><th>Paid</th><td id="payment-total"><c:out value="${s.total()}"/> <c:out value="${s.currency()}"/></td></tr>
      <c:if test="${s.isReversed()}"><tr><th>Reversed</th><td><c:out value="${s.reversedTotal()}"/> <c:out value="${s.currency()}"/>, <c:out value="${times.format(s.reversedAt())}"/></td></tr></c:if>
      <tr><th>Opened</th><td><c:out value="${times.format(s.openedAt())}"/></td></tr>
      <c:if test="${s.isClosed()}"><tr><th>Closed</th><td><c:out value="${times.format(s.closedAt())}"/></td></tr></c:if>
      <tr><th>Redeemed</th><td id="payment-redeemed"><c:choose><c:when test="${s.isRedeemed()}"><c:out value="${times.format(s.redeemedAt())}"/> for <span class="content" id="payment-redeemed-for"><c:out value="${s.redeemedFor().get()}"/></span></c:when><c:otherwise>not yet</c:otherwise></c:choose></td></tr>
    </table>
    <h2>Messages</h2>
    <div class="scroll">
    <table id="messages" class="stack">
      <thead><tr><th>Received</th><th>Message id</th><th>Price</th><th>Outcome</th><th>Reply</th></tr></thead>
      <tbody>
      <c:forEach var="m" items="${detail.messages()}">
        <tr class="${m.counted() ? 'counted' : 'rejected'}">
          <td data-label="Received"><time datetime="${times.iso(m.receivedAt())}"><c:out value="${times.formatSeconds(m.receivedAt())}"/></time></td>
          <td data-label="Message id"><c:out value="${m.messageId()}"/></td>
          <td data-label="Price" class="money"><c:out value="${m.cost()}"/> <c:out value="${m.currency()}"/></td>
          <td data-label="Outcome" class="outcome-words"><c:out value="${detail.whatHappened(m)}"/><c:if test="${m.reversedAt().isPresent()}"> <span class="tag">reversed</span><c:if test="${not m.counted()}"> <span class="muted reversal-noop">(the gateway reported it failed; it was never counted, so nothing changed)</span></c:if></c:if></td>
          <td data-label="Reply" class="content"><c:out value="${m.reply()}"/></td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
    </div>
    <h2>Payment action</h2>
    <c:choose>
      <c:when test="${empty detail.actionRuns()}"><p id="no-runs">No payment action is owed (the session is not closed).</p></c:when>
      <c:otherwise>
        <div class="scroll">
        <table id="runs">
          <thead><tr><th>For</th><th>To</th><th>Attempts</th><th>Succeeded</th><th>Last error</th><th>Owed since</th></tr></thead>
          <tbody>
          <c:forEach var="r" items="${detail.actionRuns()}">
            <tr>
              <td><c:out value="${r.kind() == 'SMS_REVERSAL' ? 'reversal' : 'paid session'}"/></td>
              <td><c:out value="${r.target() == 'WEBHOOK' ? 'webhook' : 'payment action'}"/></td>
              <td><c:out value="${r.attempts()}"/></td>
              <td><c:choose><c:when test="${r.succeededAt().isPresent()}"><c:out value="${times.format(r.succeededAt())}"/></c:when><c:when test="${r.failedAt().isPresent()}">given up <c:out value="${times.format(r.failedAt())}"/></c:when><c:otherwise>not yet</c:otherwise></c:choose></td>
              <td class="error-text"><c:out value="${r.lastError().orElse('')}"/></td>
              <td><c:out value="${times.format(r.createdAt())}"/></td>
            </tr>
          </c:forEach>
          </tbody>
        </table>
        </div>
      </c:otherwise>
    </c:choose>
  </c:otherwise>
</c:choose>
<%@ include file="footer.jspf" %>
