package lt.smssafe.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lt.smssafe.action.ActionRun;
import lt.smssafe.i18n.Language;
import lt.smssafe.persistence.Database;
import lt.smssafe.sms.DeliveryReport;
import lt.smssafe.sms.MessageCount;
import lt.smssafe.sms.MessageProcessor;
import lt.smssafe.sms.dialect.GatewayMessage;
import lt.smssafe.sms.dialect.fortumo.FortumoDialect;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.OwedTargets;
import lt.smssafe.testing.TestDatabases;
import lt.smssafe.webhook.WebhookEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@code /select} shows of the webhook's runs, on both databases: each event's type and the id its receiver
 * gets, the session it is about (a reversal's found through its message), the Java action's runs apart from the
 * webhook's, and one run by its id, of this safe only.
 */
class WebhookRunsTest {
    private static final long SAFE = 53;
    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    private static final BigDecimal PRICE = new BigDecimal("1.45");

    private final MutableClock clock = new MutableClock(START);

    private ActionRun persist(Database database, long safe, ActionRun.Kind kind, String reference) {
        ActionRun run = ActionRun.dueNow(safe, ActionRun.Target.WEBHOOK, kind, reference, clock.instant());
        database.inTransaction(em -> {
            em.persist(run);
            return null;
        });
        return run;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void eachEventHasItsTypeItsIdAndItsSession(TestDatabases kind) {
        try (Database database = kind.openMigrated()) {
            eachEventHasItsTypeItsIdAndItsSession(database);
        }
    }

    private void eachEventHasItsTypeItsIdAndItsSession(Database database) {
        MessageProcessor processor = new MessageProcessor(database, SAFE, MessageCount.fixed(1), Duration.ZERO,
                Language.EN, clock, new SecureRandom(), OwedTargets.ALL);
        String code = processor.process(new GatewayMessage(FortumoDialect.NAME, "f-1", "37060000003", "lt",
                "tele2_lt", "1337", "order-9", PRICE, "EUR", false)).closedSession().orElseThrow().value();
        clock.advance(Duration.ofMinutes(5));
        processor.handle(new DeliveryReport("fortumo", "f-1", false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(PRICE), Optional.empty()));
        persist(database, SAFE, ActionRun.Kind.MBS_TRANSACTION, "1:2456");
        ActionRun gone = persist(database, SAFE, ActionRun.Kind.SMS_REVERSAL, "999999");
        ActionRun otherSafe = persist(database, SAFE + 1, ActionRun.Kind.SMS_SESSION, "ZZZZZZZZ");
        SessionQueries queries = new SessionQueries(database, SAFE, clock);

        List<WebhookRun> events = queries.webhookEvents(queries.pendingWebhooks());

        assertThat(events).extracting(WebhookRun::type, WebhookRun::eventId, WebhookRun::sessionCode)
                .containsExactly(
                        tuple(WebhookEvent.SESSION_CLOSED, Optional.of(WebhookEvent.idOf(
                                SAFE, WebhookEvent.SESSION_CLOSED, code)), Optional.of(code)),
                        tuple(WebhookEvent.SESSION_REVERSED, Optional.of(
                                WebhookEvent.idOf(SAFE, WebhookEvent.SESSION_REVERSED, code + "|fortumo:f-1")),
                                Optional.of(code)),
                        tuple(WebhookEvent.MBS_COMMITTED, Optional.of(WebhookEvent.idOf(
                                SAFE, WebhookEvent.MBS_COMMITTED, "1:2456")), Optional.empty()),
                        tuple(WebhookEvent.SESSION_REVERSED, Optional.empty(),
                                Optional.empty()));
        assertThat(events).extracting(WebhookRun::lastError).containsOnly("");
        assertThat(queries.pendingActions(ActionRun.Target.ACTION)).extracting(ActionRun::kind, ActionRun::reference)
                .as("the Java action's own runs, not the webhook's").containsExactly(
                        tuple(ActionRun.Kind.SMS_SESSION, code),
                        tuple(ActionRun.Kind.SMS_REVERSAL,
                                events.get(1).run().reference()));
        assertThat(queries.actionRun(gone.id())).map(ActionRun::reference).contains("999999");
        assertThat(queries.actionRun(otherSafe.id())).as("another safe's").isEmpty();
        assertThat(queries.actionRun(otherSafe.id() + 1000)).isEmpty();
        assertThat(queries.webhookEvents(List.of())).isEmpty();
    }
}
