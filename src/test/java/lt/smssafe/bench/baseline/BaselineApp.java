package lt.smssafe.bench.baseline;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import lt.smssafe.persistence.DataSourceLocator;

/**
 * Starts the baseline: reads its configuration from the context's {@code <Parameter>}s ({@code baseline.*}), takes
 * the DataSource bound at {@code java:comp/env/jdbc/baseline} or else opens an embedded H2 file behind a pool of the
 * size and with the URL options of the application's embedded fallback, and creates its tables.
 */
@WebListener
public final class BaselineApp implements ServletContextListener {
    static final String ATTRIBUTE = BaselineStore.class.getName();
    private static final String JNDI_NAME = "java:comp/env/jdbc/baseline";
    /** The application's embedded pool: {@code DataSourceLocator.embedded} (10 connections, a 5 s wait). */
    private static final int POOL_SIZE = 10;

    private HikariDataSource ownedPool;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        DataSource dataSource = bound().orElseGet(() -> {
            ownedPool = embeddedH2(DataSourceLocator.embeddedUrl(Path.of(required(context, "baseline.h2"))));
            return ownedPool;
        });
        try (Connection connection = dataSource.getConnection()) {
            BaselineSchema.create(connection);
            boolean mariaDb = BaselineSchema.isMariaDb(connection);
            BaselineStore store = new BaselineStore(dataSource, mariaDb,
                    Long.parseLong(required(context, "baseline.safe")),
                    messageCounts(context.getInitParameter("baseline.messages")),
                    Integer.parseInt(required(context, "baseline.default-messages")),
                    Duration.ofSeconds(Long.parseLong(required(context, "baseline.delay-seconds"))));
            context.setAttribute(ATTRIBUTE, new BaselineEndpoint(store,
                    Long.parseLong(required(context, "baseline.safe")), required(context, "baseline.passkey"),
                    Duration.ofSeconds(Long.parseLong(required(context, "baseline.max-skew-seconds")))));
        } catch (SQLException e) {
            throw new IllegalStateException("baseline: cannot prepare its tables: " + e.getMessage(), e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    private static java.util.Optional<DataSource> bound() {
        try {
            return java.util.Optional.of((DataSource) new InitialContext().lookup(JNDI_NAME));
        } catch (NamingException notBound) {
            return java.util.Optional.empty();
        }
    }

    /** The application's embedded fallback, as {@code DataSourceLocator.embedded} opens it, on another file. */
    private static HikariDataSource embeddedH2(String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("baseline-h2");
        config.setDriverClassName("org.h2.Driver");
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }

    /**
     * The JDBC URL the SQL probe opens an embedded H2 file with that its application has open: the application's
     * options that are the connection's, not those of the open database ({@code CACHE_SIZE} stays as it opened it).
     */
    public static String h2Url(String file) {
        return "jdbc:h2:file:" + file + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** {@code country:provider=N,...}, e.g. {@code lt:bench_new=3,lt:bench_open=100}. */
    private static Map<String, Integer> messageCounts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        if (text != null && !text.isBlank()) {
            for (String entry : text.split(",")) {
                String[] pair = entry.trim().split("=");
                counts.put(pair[0], Integer.parseInt(pair[1]));
            }
        }
        return counts;
    }

    private static String required(ServletContext context, String name) {
        String value = context.getInitParameter(name);
        if (value == null) {
            throw new IllegalStateException("baseline: context parameter '" + name + "' is missing");
        }
        return value;
    }
}
