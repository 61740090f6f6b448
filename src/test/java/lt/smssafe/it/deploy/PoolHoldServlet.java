package lt.smssafe.it.deploy;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import lt.smssafe.it.TestWar;

/**
 * Holds the container's pool busy, as a burst or a stalled database does, inside the deployment under test (added
 * with {@link TestWar#withClasses}): {@code ?take} takes every connection the pool {@code jdbc/smssafe} hands out
 * (until it refuses one after its own wait; {@code ?take=N}: N of them, for a pool that waits long) and keeps them,
 * answering {@code holding N}; {@code ?release} gives them back, answering {@code released N}.
 */
@WebServlet("/it/pool")
public class PoolHoldServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final List<Connection> HELD = new ArrayList<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        synchronized (HELD) {
            if (request.getParameter("take") != null) {
                DataSource pool = pool();
                String take = request.getParameter("take");
                int most = take.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(take);
                while (HELD.size() < most) {
                    try {
                        HELD.add(pool.getConnection());
                    } catch (SQLException refused) {
                        break;
                    }
                }
                answer = "holding " + HELD.size();
            } else {
                int released = HELD.size();
                for (Connection connection : HELD) {
                    try {
                        connection.close();
                    } catch (SQLException e) {
                        // given back all the same
                    }
                }
                HELD.clear();
                answer = "released " + released;
            }
        }
        response.setContentType("text/plain; charset=UTF-8");
        response.getWriter().write(answer);
    }

    private static DataSource pool() throws IOException {
        try {
            return (DataSource) new InitialContext().lookup("java:comp/env/jdbc/smssafe");
        } catch (NamingException e) {
            throw new IOException(e);
        }
    }
}
