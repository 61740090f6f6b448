package lt.smssafe.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lt.smssafe.OwedPayments;
import lt.smssafe.action.ActionRun;
import lt.smssafe.action.ActionRunner;
import lt.smssafe.action.ActionRunners;
import lt.smssafe.action.LoggingPaymentAction;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.i18n.Language;
import lt.smssafe.persistence.Database;
import lt.smssafe.queries.SessionQueries;
import lt.smssafe.rates.RateTable;
import lt.smssafe.rates.RatesStatus;
import lt.smssafe.sms.MessageCount;
import lt.smssafe.sms.MessageProcessor;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestDatabases;
import lt.smssafe.testing.WebhookReceiver;
import lt.smssafe.webhook.WebhookAction;
import lt.smssafe.webhook.WebhookConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics}: the Java action's attempts as before, and with a webhook its deliveries by outcome. */
class NodeMetricsTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private static final ClosedSession SESSION = new ClosedSession("7KQ2M9XA", 1, "37060000001", "lt", "bite_lt",
            "order-42", 1, new BigDecimal("1.45"), "EUR", CLOCK.instant(), CLOCK.instant(), "smssafe", false);

    private final Database database = TestDatabases.H2.openMigrated();
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final WebhookAction webhook = new WebhookAction(new WebhookConfig(receiver.url(),
            "w".repeat(32)), 1, CLOCK, Duration.ofSeconds(2));

    @AfterEach
    void close() {
        webhook.close();
        receiver.close();
        database.close();
    }

    private NodeMetrics metrics(ActionRunners runners, Optional<WebhookAction> withWebhook) {
        MessageProcessor processor = new MessageProcessor(database, 1, MessageCount.fixed(1), Duration.ZERO,
                Language.EN, CLOCK, new SecureRandom(), runners);
        return new NodeMetrics(processor, List.of("smssafe"), runners, withWebhook,
                new SessionQueries(database, 1, CLOCK), () -> new RatesStatus(Optional.empty(), RateTable.empty(1),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), database, null,
                CLOCK);
    }

    private ActionRunner runner(ActionRun.Target target) {
        return new ActionRunner(database, 1, target, target == ActionRun.Target.WEBHOOK ? webhook
                : new LoggingPaymentAction(), CLOCK, new OwedPayments());
    }

    @Test
    void theWebhooksDeliveriesAreCountedByOutcome() throws Exception {
        ActionRunners runners = new ActionRunners(List.of(runner(ActionRun.Target.ACTION),
                runner(ActionRun.Target.WEBHOOK)), Set.of(ActionRun.Target.WEBHOOK));
        NodeMetrics metrics = metrics(runners, Optional.of(webhook));
        webhook.sessionClosed(SESSION);
        receiver.answer(500);
        assertThatThrownBy(() -> webhook.sessionClosed(SESSION)).hasMessage("HTTP 500");

        String scrape = metrics.scrape();

        assertThat(scrape).contains("smssafe_webhook_deliveries_total{outcome=\"delivered\"} 1.0")
                .contains("smssafe_webhook_deliveries_total{outcome=\"http_error\"} 1.0")
                .contains("smssafe_webhook_deliveries_total{outcome=\"timeout\"} 0.0")
                .contains("smssafe_webhook_deliveries_total{outcome=\"refused\"} 0.0")
                .contains("smssafe_webhook_deliveries_total{outcome=\"redirect\"} 0.0")
                .contains("smssafe_webhook_deliveries_total{outcome=\"error\"} 0.0")
                .contains("smssafe_webhook_deliveries_total{outcome=\"failed_for_good\"} 0.0")
                .contains("smssafe_actions_attempts_total{outcome=\"succeeded\"} 0.0");
        runners.close();
    }

    @Test
    void withoutAWebhookThereAreNoDeliveries() {
        ActionRunners runners = new ActionRunners(List.of(runner(ActionRun.Target.ACTION)),
                Set.of(ActionRun.Target.ACTION));

        String scrape = metrics(runners, Optional.empty()).scrape();

        assertThat(scrape).doesNotContain("smssafe_webhook_deliveries")
                .contains("smssafe_actions_attempts_total{outcome=\"failed\"} 0.0");
        runners.close();
    }
}
