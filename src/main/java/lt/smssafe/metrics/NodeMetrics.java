package lt.smssafe.metrics;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import lt.smssafe.action.ActionRun;
import lt.smssafe.action.ActionRunner;
import lt.smssafe.action.ActionRunners;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.DatabaseUnavailableException;
import lt.smssafe.persistence.TransactionConflictException;
import lt.smssafe.queries.SessionQueries;
import lt.smssafe.rates.RatesStatus;
import lt.smssafe.sms.MessageProcessor;
import lt.smssafe.webhook.WebhookAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's metrics, in one Micrometer registry written out in Prometheus's text format. Counters are this
 * node's since it started (Prometheus sums the nodes); the owed payment actions are the database's, the same on
 * every node.
 */
public final class NodeMetrics {
    /** The endpoints counted by name; any other path counts as {@code other}, so that nobody can grow the series. */
    private static final Set<String> ENDPOINTS = Set.of("/result", "/fortumo", "/paysera", "/mbs/report", "/check",
            "/select", "/setup", "/cron", "/health", "/metrics", "/dashboard", "/payments", "/payment",
            "/integration");

    private static final Logger LOG = LoggerFactory.getLogger(NodeMetrics.class);
    private static final String WEBHOOK_DELIVERIES = "smssafe.webhook.deliveries";
    private static final String WEBHOOK_DESCRIPTION = "webhook deliveries by this node by outcome, and runs it gave up"
            + " (failed_for_good) after 3 days of failures";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /**
     * The answer counters by endpoint and status, registered once: building and registering a meter's id on every
     * answer would cost each request more than counting it. Both keys are bounded (the endpoints above, HTTP codes).
     */
    private final Map<String, Counter> answers = new ConcurrentHashMap<>();

    /**
     * @param dialects the gateways whose sessions are counted
     * @param runners the payment action's runners: {@code smssafe.actions.attempts} counts the Java action's, and
     *     {@code smssafe.webhook.deliveries} the webhook's given-up runs ({@code failed_for_good})
     * @param webhook the webhook, whose deliveries are counted by outcome, when it is configured
     * @param rates the rates' status as it is at each scrape
     * @param pool the embedded connection pool, whose own metrics are added; null for a container's DataSource
     */
    public NodeMetrics(MessageProcessor processor, List<String> dialects, ActionRunners runners,
            Optional<WebhookAction> webhook, SessionQueries queries, Supplier<RatesStatus> rates, Database database,
            DataSource pool, Clock clock) {
        ActionRunner actions = runners.runner(ActionRun.Target.ACTION).orElseThrow();
        for (String dialect : dialects) {
            FunctionCounter.builder("smssafe.sessions.opened", processor, p -> p.sessionsOpened(dialect))
                    .description("payment sessions opened by this node").tag("dialect", dialect).register(registry);
            FunctionCounter.builder("smssafe.sessions.closed", processor, p -> p.sessionsClosed(dialect))
                    .description("payment sessions closed (paid) on this node").tag("dialect", dialect)
                    .register(registry);
        }
        FunctionCounter.builder("smssafe.actions.attempts", actions, ActionRunner::succeededAttempts)
                .description("payment-action attempts by this node").tag("outcome", "succeeded").register(registry);
        FunctionCounter.builder("smssafe.actions.attempts", actions, ActionRunner::failedAttempts)
                .description("payment-action attempts by this node").tag("outcome", "failed").register(registry);
        webhook.ifPresent(action -> {
            for (WebhookAction.Outcome outcome : WebhookAction.Outcome.values()) {
                FunctionCounter.builder(WEBHOOK_DELIVERIES, action, a -> a.deliveries(outcome))
                        .description(WEBHOOK_DESCRIPTION).tag("outcome", outcome.tag()).register(registry);
            }
            runners.runner(ActionRun.Target.WEBHOOK).ifPresent(runner -> FunctionCounter.builder(
                    WEBHOOK_DELIVERIES, runner, ActionRunner::givenUpRuns).description(WEBHOOK_DESCRIPTION)
                    .tag("outcome", "failed_for_good").register(registry));
        });
        FunctionCounter.builder("smssafe.database.conflicts", database, Database::conflicts)
                .description("transactions rolled back by a concurrent one (lock, deadlock, Galera certification)"
                        + " and run again")
                .tag("kind", "lock").register(registry);
        FunctionCounter.builder("smssafe.database.conflicts", database, Database::uniqueKeyRaces)
                .description("transactions rolled back by a concurrent one (lock, deadlock, Galera certification)"
                        + " and run again")
                .tag("kind", "unique_key").register(registry);
        Gauge.builder("smssafe.actions.owed", queries, NodeMetrics::owed)
                .description("payment actions not yet succeeded, in the shared database").register(registry);
        Gauge.builder("smssafe.rates.age", rates, status -> age(status.get().lastSuccess().orElse(null), clock))
                .description("seconds since the rates were last refreshed; NaN before the first success")
                .baseUnit("seconds").register(registry);
        if (pool instanceof HikariDataSource hikari) {
            hikari.setMetricRegistry(registry);
        }
    }

    /** Counts one answer of an endpoint. */
    public void answered(String path, int status) {
        String endpoint = ENDPOINTS.contains(path) ? path : "other";
        answers.computeIfAbsent(endpoint + " " + status, key -> Counter.builder("smssafe.http.answers")
                .description("answers by endpoint and status").tag("endpoint", endpoint)
                .tag("status", String.valueOf(status)).register(registry)).increment();
    }

    /** Everything, in Prometheus's text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    private static double owed(SessionQueries queries) {
        try {
            return queries.owedActions();
        } catch (DatabaseUnavailableException | TransactionConflictException e) {
            // the database is away: the gauge has no value now rather than failing the whole scrape
            return Double.NaN;
        } catch (RuntimeException e) {
            LOG.error("sms:safe /metrics cannot count the owed payment actions because of a defect", e);
            return Double.NaN;
        }
    }

    private static double age(Instant lastSuccess, Clock clock) {
        return lastSuccess == null ? Double.NaN : Duration.between(lastSuccess, clock.instant()).toMillis() / 1000.0;
    }
}
