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
import java.util.Locale;

/**
 * {@code POST /bench-probe} with {@code sql=SELECT …}: the rows as text, one a line, columns separated by tabs.
 * Connects with the context parameter {@code bench.probe.url} (the application's own H2 URL: inside the application's
 * class loader it opens the database that application has open), only from the loopback address, only a SELECT.
 */
@WebServlet(name = "benchProbe", urlPatterns = "/bench-probe")
public final class SqlProbe extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String url = getServletContext().getInitParameter("bench.probe.url");
        String sql = request.getParameter("sql");
        if (url == null || !InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
            response.sendError(404);
            return;
        }
        if (sql == null || !sql.strip().toLowerCase(Locale.ROOT).startsWith("select")) {
            response.sendError(400, "only a SELECT");
            return;
        }
        response.setContentType("text/plain; charset=UTF-8");
        try {
            Class.forName("org.h2.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the probe needs the application's H2 driver", e);
        }
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            PrintWriter out = response.getWriter();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    out.print(i == 1 ? "" : "\t");
                    out.print(rows.getString(i));
                }
                out.print('\n');
            }
        } catch (SQLException e) {
            response.sendError(500, e.getMessage());
        }
    }
}
