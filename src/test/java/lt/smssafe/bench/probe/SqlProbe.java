package lt.smssafe.bench.probe;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code POST /bench-probe}, only from the loopback address: with {@code sql=…} (a query, e.g. {@code SELECT} or
 * H2's {@code SCRIPT}) the rows as text, one a line, columns separated by tabs (line breaks and tabs inside a value
 * become spaces); with one or more {@code execute=…} the statements run in order on one connection, each committed
 * on its own, answered with the rows they changed. It
 * connects with the context parameter {@code bench.probe.url}, the application's own H2 URL: inside the
 * application's class loader that opens the database the application has open.
 */
@WebServlet(name = "benchProbe", urlPatterns = "/bench-probe")
public final class SqlProbe extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String url = getServletContext().getInitParameter("bench.probe.url");
        if (url == null || !InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
            response.sendError(404);
            return;
        }
        String query = request.getParameter("sql");
        String[] statements = request.getParameterValues("execute");
        response.setContentType("text/plain; charset=UTF-8");
        try {
            Class.forName("org.h2.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the probe needs the application's H2 driver", e);
        }
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            PrintWriter out = response.getWriter();
            if (statements != null) {
                long changed = 0;
                for (String sql : statements) {
                    if (!statement.execute(sql)) {
                        changed += Math.max(0, statement.getUpdateCount());
                    }
                }
                out.print(changed + "\n");
                return;
            }
            if (query == null) {
                response.sendError(400, "sql or execute is required");
                return;
            }
            try (ResultSet rows = statement.executeQuery(query)) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        out.print(i == 1 ? "" : "\t");
                        String value = rows.getString(i);
                        // one row a line: H2's SCRIPT puts a CREATE TABLE on several
                        out.print(value == null ? "null" : value.replace('\n', ' ').replace('\t', ' '));
                    }
                    out.print('\n');
                }
            }
        } catch (SQLException e) {
            response.sendError(500, e.getMessage());
        }
    }
}
