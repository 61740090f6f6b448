<%@ page session="false" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Database setup" scope="request"/>
<c:set var="wide" value="true" scope="request"/>
<%@ include file="header.jspf" %>
<%@ include file="adminnav.jspf" %>
<h1>Database schema</h1>
<p>Database in use: <span id="database-in-use"><c:out value="${database}"/></span>.</p>
<c:if test="${not empty outcome}"><p class="outcome"><c:out value="${outcome}"/></p></c:if>
<c:if test="${not empty error}"><p class="error"><c:out value="${error}"/></p></c:if>
<c:if test="${empty error}">
  <p>
    <c:choose>
      <c:when test="${pending == 0}">The schema is up to date.</c:when>
      <c:otherwise><c:out value="${pending}"/> migration(s) pending.</c:otherwise>
    </c:choose>
  </p>
  <div class="scroll">
  <table>
    <thead><tr><th>Version</th><th>Description</th><th>State</th><th>Installed on</th></tr></thead>
    <tbody>
    <c:forEach var="m" items="${migrations}">
      <tr><td><c:out value="${m.version()}"/></td><td><c:out value="${m.description()}"/></td>
        <td><c:out value="${m.state()}"/></td><td><time datetime="${times.iso(m.installedOn())}"><c:out value="${times.format(m.installedOn())}"/></time></td></tr>
    </c:forEach>
    </tbody>
  </table>
  </div>
</c:if>
<form method="post" action="${pageContext.request.contextPath}/setup">
  <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
  <button type="submit">Apply pending migrations</button>
</form>
<%@ include file="footer.jspf" %>
