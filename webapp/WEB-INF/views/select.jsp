<%@ page session="false" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Open sessions" scope="request"/>
<c:set var="wide" value="true" scope="request"/>
<%@ include file="header.jspf" %>
<%@ include file="adminnav.jspf" %>
<c:if test="${not empty sendAgainRefused}"><p class="error" id="send-again-refused"><c:out value="${sendAgainRefused}"/></p></c:if>
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

<c:if test="${webhook}">
<section id="webhook">
<h2>Webhook events</h2>
<p class="muted">Each payment is POSTed to <code>webhook.url</code> as a signed event. A failed delivery is retried
  after 1&nbsp;s, 2&nbsp;s, 4&nbsp;s, … up to an hour between tries, for at least 3 days; then it is given up and waits here until
  you send it again. The receiver sees the same event id (<code>SmsSafe-Event</code>) on every delivery.</p>
<c:if test="${not empty sentAgain}">
  <c:set var="w" value="${sentAgain}"/>
  <p class="outcome" id="sent-again">Sent again: <c:out value="${w.type()}"/> <code><c:out value="${w.eventId().orElse('')}"/></code>
    for <c:out value="${w.sessionCode().orElse(w.run().reference())}"/>, its attempts counted from 0.
    <c:choose>
      <c:when test="${w.run().succeededAt().isPresent()}">Delivered <time datetime="${times.iso(w.run().succeededAt())}"><c:out value="${times.formatSeconds(w.run().succeededAt())}"/></time>.</c:when>
      <c:when test="${w.run().failedAt().isPresent()}">It failed again and is given up again (below).</c:when>
      <c:otherwise>It is due now: it is listed below under being retried until it is delivered.</c:otherwise>
    </c:choose></p>
</c:if>
<h3 id="webhook-retried">Being retried</h3>
<c:choose>
  <c:when test="${empty webhookPending}"><p id="no-webhook-pending">No event is waiting for a retry.</p></c:when>
  <c:otherwise>
    <div class="scroll">
    <table id="webhook-pending" class="stack">
      <thead><tr><th>Event</th><th>Payment</th><th>Attempts</th><th>Next attempt</th><th>Last error</th><th>Owed since</th></tr></thead>
      <tbody>
      <c:forEach var="w" items="${webhookPending}">
        <tr data-run="${w.run().id()}">
          <td data-label="Event"><c:out value="${w.type()}"/><br><code class="event-id"><c:out value="${w.eventId().orElse('')}"/></code></td>
          <td data-label="Payment" class="payment"><%@ include file="webhook-payment.jspf" %></td>
          <td data-label="Attempts" class="attempts"><c:out value="${w.run().attempts()}"/></td>
          <td data-label="Next attempt"><time datetime="${times.iso(w.run().nextAttemptAt())}"><c:out value="${times.formatSeconds(w.run().nextAttemptAt())}"/></time></td>
          <td data-label="Last error" class="error-text last-error"><c:out value="${w.lastError()}"/></td>
          <td data-label="Owed since"><time datetime="${times.iso(w.run().createdAt())}"><c:out value="${times.format(w.run().createdAt())}"/></time></td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
    </div>
  </c:otherwise>
</c:choose>
<h3 id="webhook-failed">Given up</h3>
<c:choose>
  <c:when test="${empty webhookFailed}"><p id="no-webhook-failed">No event was given up.</p></c:when>
  <c:otherwise>
    <p class="muted">Sending again tries the event at once, with the same event id; if it fails, its retries and their
      3 days start over.</p>
    <div class="scroll">
    <table id="webhook-given-up" class="stack">
      <thead><tr><th>Event</th><th>Payment</th><th>Attempts</th><th>Given up</th><th>Last error</th><th>Owed since</th><th></th></tr></thead>
      <tbody>
      <c:forEach var="w" items="${webhookFailed}">
        <tr data-run="${w.run().id()}">
          <td data-label="Event"><c:out value="${w.type()}"/><br><code class="event-id"><c:out value="${w.eventId().orElse('')}"/></code></td>
          <td data-label="Payment" class="payment"><%@ include file="webhook-payment.jspf" %></td>
          <td data-label="Attempts" class="attempts"><c:out value="${w.run().attempts()}"/></td>
          <td data-label="Given up"><time datetime="${times.iso(w.run().failedAt())}"><c:out value="${times.format(w.run().failedAt())}"/></time></td>
          <td data-label="Last error" class="error-text last-error"><c:out value="${w.lastError()}"/></td>
          <td data-label="Owed since"><time datetime="${times.iso(w.run().createdAt())}"><c:out value="${times.format(w.run().createdAt())}"/></time></td>
          <td class="form"><form method="post" action="${pageContext.request.contextPath}/select" class="send-again">
            <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
            <input type="hidden" name="action" value="send-again">
            <input type="hidden" name="run" value="${w.run().id()}">
            <button type="submit">Send again</button>
          </form></td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
    </div>
  </c:otherwise>
</c:choose>
</section>
</c:if>

<c:if test="${not webhook or javaAction or not empty actions}">
<h2 id="java-action">${webhook ? 'Java payment action: runs not yet succeeded' : 'Payment actions not yet succeeded'}</h2>
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
</c:if>

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
