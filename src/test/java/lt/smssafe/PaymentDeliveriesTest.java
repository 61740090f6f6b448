package lt.smssafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import lt.smssafe.action.ActionRun;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.PaymentAction;
import lt.smssafe.persistence.Database;
import lt.smssafe.testing.TestDatabases;
import lt.smssafe.webhook.WebhookConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which targets a completed payment owes a run to, as the settings say: the Java action when one is configured or
 * no webhook is (then the logging one), the webhook when {@code webhook.url} is set; and the Java action's runner
 * always runs, for runs owed before the webhook was set up.
 */
class PaymentDeliveriesTest {
    private static final PaymentAction SHOP = (ClosedSession session) -> { };
    private static final Optional<WebhookConfig> WEBHOOK = Optional.of(new WebhookConfig(
            URI.create("https://shop.example/hook"), "w".repeat(32)));

    private static Database database;

    @BeforeAll
    static void open() {
        database = TestDatabases.H2.openMigrated();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private Set<ActionRun.Target> owed(Optional<PaymentAction> action, Optional<WebhookConfig> webhook) {
        try (PaymentDeliveries deliveries = PaymentDeliveries.of(database, 1, action, webhook, Clock.systemUTC())) {
            assertThat(deliveries.runners().runner(ActionRun.Target.ACTION)).as("always").isPresent();
            assertThat(deliveries.runners().runner(ActionRun.Target.WEBHOOK).isPresent())
                    .isEqualTo(webhook.isPresent());
            assertThat(deliveries.webhook().isPresent()).isEqualTo(webhook.isPresent());
            return deliveries.runners().targets();
        }
    }

    @Test
    void neitherOwesTheLoggingAction() {
        assertThat(owed(Optional.empty(), Optional.empty())).containsExactly(ActionRun.Target.ACTION);
    }

    @Test
    void aJavaActionAloneOwesIt() {
        assertThat(owed(Optional.of(SHOP), Optional.empty())).containsExactly(ActionRun.Target.ACTION);
    }

    @Test
    void theWebhookAloneOwesOnlyTheWebhook() {
        assertThat(owed(Optional.empty(), WEBHOOK)).containsExactly(ActionRun.Target.WEBHOOK);
    }

    @Test
    void bothOweBoth() {
        assertThat(owed(Optional.of(SHOP), WEBHOOK)).containsExactlyInAnyOrder(ActionRun.Target.ACTION,
                ActionRun.Target.WEBHOOK);
    }
}
