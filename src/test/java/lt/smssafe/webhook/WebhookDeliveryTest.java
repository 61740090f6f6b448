package lt.smssafe.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import lt.smssafe.CommittedMbsTransactions;
import lt.smssafe.OwedPayments;
import lt.smssafe.action.ActionRun;
import lt.smssafe.action.ActionRunner;
import lt.smssafe.action.ActionRunners;
import lt.smssafe.action.ActionWakeUp;
import lt.smssafe.action.RetrySchedule;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.CommittedTransaction;
import lt.smssafe.api.PaymentAction;
import lt.smssafe.api.ReversedMessage;
import lt.smssafe.i18n.Language;
import lt.smssafe.mbs.AccountType;
import lt.smssafe.mbs.MtType;
import lt.smssafe.mbs.Transaction;
import lt.smssafe.mbs.TransactionStatus;
import lt.smssafe.mbs.recording.BillingRecorder;
import lt.smssafe.persistence.Database;
import lt.smssafe.queries.SessionQueries;
import lt.smssafe.sms.DeliveryReport;
import lt.smssafe.sms.MessageCount;
import lt.smssafe.sms.MessageProcessor;
import lt.smssafe.sms.MessageValues;
import lt.smssafe.sms.dialect.GatewayMessage;
import lt.smssafe.sms.dialect.fortumo.FortumoDialect;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestDatabases;
import lt.smssafe.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The webhook as the target of payment-action runs, on real databases against a real receiver: a failing receiver
 * is retried with the payment action's growing pauses and the same event, given up after 3 days of failures and
 * sent again by the admin; and with a Java action configured too, each target succeeds or fails on its own.
 */
class WebhookDeliveryTest {
    private static final long SAFE = 41;
    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    private static final BigDecimal PRICE = new BigDecimal("1.45");
    /** The message path owes both targets' runs; nothing is woken, so that the test runs every round itself. */
    private static final ActionWakeUp BOTH = new ActionWakeUp() {
        @Override
        public void wake() {
        }

        @Override
        public Set<ActionRun.Target> targets() {
            return EnumSet.allOf(ActionRun.Target.class);
        }
    };

    private final MutableClock clock = new MutableClock(START);
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final List<String> javaCalls = new CopyOnWriteArrayList<>();
    private final AtomicBoolean javaFails = new AtomicBoolean();
    private Database database;
    private WebhookAction webhook;
    private ActionRunner webhookRunner;
    private ActionRunner javaRunner;

    @AfterEach
    void close() {
        for (AutoCloseable open : new AutoCloseable[] {webhookRunner, javaRunner, webhook, receiver, database}) {
            try {
                if (open != null) {
                    open.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private MessageProcessor open(TestDatabases kind, int messages) {
        database = kind.openMigrated();
        webhook = new WebhookAction(new WebhookConfig(receiver.url(), WebhookActionTest.SECRET), SAFE, clock,
                Duration.ofSeconds(2));
        webhookRunner = new ActionRunner(database, SAFE, ActionRun.Target.WEBHOOK, webhook, clock,
                new OwedPayments());
        javaRunner = new ActionRunner(database, SAFE, ActionRun.Target.ACTION, new PaymentAction() {
            @Override
            public void sessionClosed(ClosedSession session) throws Exception {
                javaCalls.add("closed " + session.code());
                if (javaFails.get()) {
                    throw new IllegalStateException("the shop's code is down");
                }
            }

            @Override
            public void transactionCommitted(CommittedTransaction transaction) {
                javaCalls.add("committed " + transaction.reference());
            }

            @Override
            public void paymentReversed(ClosedSession session, ReversedMessage message, BigDecimal amount) {
                javaCalls.add("reversed " + message.messageId());
            }
        }, clock, new OwedPayments());
        return new MessageProcessor(database, SAFE, MessageCount.fixed(messages), Duration.ZERO, Language.EN, clock,
                new SecureRandom(), BOTH);
    }

    private String closeSession(MessageProcessor processor, String messageId) {
        return processor.process(new MessageValues(SAFE, messageId, "37060000001", "lt", "bite_lt", "1337",
                "order-7", PRICE, "EUR", START.getEpochSecond())).closedSession().orElseThrow().value();
    }

    private ActionRun run(ActionRun.Target target, ActionRun.Kind kind, String reference) {
        return database.inTransaction(em -> em.createNamedQuery("ActionRun.findByReference", ActionRun.class)
                .setParameter("safeId", SAFE).setParameter("kind", kind).setParameter("reference", reference)
                .setParameter("target", target).getSingleResult());
    }

    private ActionRun webhookRun(String code) {
        return run(ActionRun.Target.WEBHOOK, ActionRun.Kind.SMS_SESSION, code);
    }

    private static long signedAt(WebhookReceiver.Received request) {
        String header = request.header("SmsSafe-Signature");
        return Long.parseLong(header.substring(2, header.indexOf(',')));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReceiverThatAnswers2xxOnTheThirdTryGetsTheSameEventAfterGrowingPauses(TestDatabases kind)
            throws Exception {
        String code = closeSession(open(kind, 1), "m-1");
        receiver.answer(500, 503, 200);

        assertThat(webhookRunner.runDue()).isEqualTo(1);
        assertThat(webhookRun(code).lastError()).contains(WebhookDeliveryException.class.getName() + ": HTTP 500");
        assertThat(webhookRun(code).nextAttemptAt()).isEqualTo(START.plusSeconds(1));
        assertThat(webhookRunner.runDue()).as("not before its pause is over").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(webhookRunner.runDue()).isEqualTo(1);
        assertThat(webhookRun(code).lastError()).contains(WebhookDeliveryException.class.getName() + ": HTTP 503");
        assertThat(webhookRun(code).nextAttemptAt()).as("the pause doubled").isEqualTo(START.plusSeconds(3));
        clock.advance(Duration.ofSeconds(1));
        assertThat(webhookRunner.runDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(webhookRunner.runDue()).isEqualTo(1);

        ActionRun done = webhookRun(code);
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(done.succeededAt()).contains(START.plusSeconds(3));
        assertThat(done.failedAt()).isEmpty();
        List<WebhookReceiver.Received> requests = receiver.received();
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> r.header("SmsSafe-Event")).containsOnly(
                WebhookEvent.idOf(SAFE, WebhookEvent.SESSION_CLOSED, code));
        assertThat(requests).extracting(WebhookReceiver.Received::text).containsOnly(requests.get(0).text());
        assertThat(requests).extracting(WebhookDeliveryTest::signedAt).containsExactly(START.getEpochSecond(),
                START.getEpochSecond() + 1, START.getEpochSecond() + 3);
        for (WebhookReceiver.Received request : requests) {
            assertThat(request.header("SmsSafe-Signature")).endsWith(",v1=" + WebhookActionTest.expectedSignature(
                    WebhookActionTest.SECRET, signedAt(request), request.body()));
        }
        assertThat(new ObjectMapper().readTree(requests.get(0).body()).get("data").get("code").asText())
                .isEqualTo(code);
        clock.advance(Duration.ofHours(2));
        assertThat(webhookRunner.runDue()).as("never again once delivered").isZero();
        assertThat(webhook.deliveries(WebhookAction.Outcome.HTTP_ERROR)).isEqualTo(2);
        assertThat(webhook.deliveries(WebhookAction.Outcome.DELIVERED)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReceiverDownForThreeDaysIsGivenUpAndTheAdminSendsItAgain(TestDatabases kind) throws Exception {
        String code = closeSession(open(kind, 1), "m-1");
        SessionQueries queries = new SessionQueries(database, SAFE, clock);
        receiver.answer(503);

        int rounds = 0;
        while (webhookRun(code).failedAt().isEmpty()) {
            assertThat(webhookRunner.runDue()).as("round %d", rounds).isEqualTo(1);
            rounds++;
            ActionRun failing = webhookRun(code);
            if (failing.failedAt().isEmpty()) {
                assertThat(queries.pendingWebhooks()).extracting(ActionRun::id).containsExactly(failing.id());
                clock.advance(Duration.between(clock.instant(), failing.nextAttemptAt()));
            }
        }

        ActionRun failed = webhookRun(code);
        assertThat(rounds).isEqualTo(ActionRun.GIVE_UP_ATTEMPTS).isEqualTo(RetrySchedule.attemptsSpanning(
                Duration.ofDays(3)));
        assertThat(failed.attempts()).isEqualTo(rounds);
        assertThat(Duration.between(START, failed.failedAt().orElseThrow())).isGreaterThanOrEqualTo(Duration.ofDays(3))
                .isLessThan(Duration.ofDays(3).plusHours(1));
        assertThat(Duration.between(START, failed.failedAt().orElseThrow()).minus(RetrySchedule.pauseAfter(rounds - 1)))
                .as("the attempt before was still within 3 days").isLessThan(Duration.ofDays(3));
        assertThat(failed.lastError()).contains(WebhookDeliveryException.class.getName() + ": HTTP 503");
        assertThat(receiver.received()).hasSize(rounds);
        clock.advance(Duration.ofDays(1));
        assertThat(webhookRunner.runDue()).as("a given-up run is not due").isZero();
        assertThat(queries.failedWebhooks()).extracting(ActionRun::id).containsExactly(failed.id());
        assertThat(queries.failedWebhookCount()).isEqualTo(1);
        assertThat(queries.pendingWebhooks()).isEmpty();
        assertThat(webhookRunner.givenUpRuns()).isEqualTo(1);
        assertThat(webhook.deliveries(WebhookAction.Outcome.HTTP_ERROR)).isEqualTo(rounds);
        assertThat(javaRunner.runDue()).as("the Java action's run is its own").isEqualTo(1);
        assertThat(run(ActionRun.Target.ACTION, ActionRun.Kind.SMS_SESSION, code).succeededAt()).isPresent();

        receiver.answer(200);
        ActionRunners runners = new ActionRunners(List.of(javaRunner, webhookRunner),
                EnumSet.allOf(ActionRun.Target.class));
        assertThat(runners.sendAgain(failed.id())).isTrue();
        // sending again wakes the webhook's runner, which delivers it on its own thread
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (webhookRun(code).succeededAt().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        ActionRun delivered = webhookRun(code);
        assertThat(delivered.succeededAt()).contains(clock.instant());
        assertThat(delivered.failedAt()).isEmpty();
        assertThat(delivered.attempts()).as("counted again from 0").isEqualTo(1);
        assertThat(receiver.received()).hasSize(rounds + 1);
        assertThat(receiver.received().get(rounds).text()).isEqualTo(receiver.received().get(0).text());
        assertThat(queries.failedWebhooks()).isEmpty();
        assertThat(queries.failedWebhookCount()).isZero();
        assertThat(runners.sendAgain(failed.id())).as("only a given-up run is sent again").isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void withBothTargetsAFailingJavaActionDoesNotStopTheWebhookNorTheReverse(TestDatabases kind) {
        MessageProcessor processor = open(kind, 1);
        String first = closeSession(processor, "m-1");
        javaFails.set(true);

        assertThat(javaRunner.runDue()).isEqualTo(1);
        assertThat(webhookRunner.runDue()).isEqualTo(1);

        assertThat(run(ActionRun.Target.ACTION, ActionRun.Kind.SMS_SESSION, first).succeededAt()).isEmpty();
        assertThat(run(ActionRun.Target.ACTION, ActionRun.Kind.SMS_SESSION, first).lastError())
                .contains("java.lang.IllegalStateException: the shop's code is down");
        assertThat(webhookRun(first).succeededAt()).isPresent();

        javaFails.set(false);
        receiver.answer(500);
        String second = processor.process(new MessageValues(SAFE, "m-2", "37060000002", "lt", "bite_lt", "1337",
                "order-8", PRICE, "EUR", START.getEpochSecond())).closedSession().orElseThrow().value();
        clock.advance(Duration.ofSeconds(1));
        assertThat(javaRunner.runDue()).as("the first one's retry and the second").isEqualTo(2);
        assertThat(webhookRunner.runDue()).isEqualTo(1);

        assertThat(run(ActionRun.Target.ACTION, ActionRun.Kind.SMS_SESSION, first).succeededAt()).isPresent();
        assertThat(run(ActionRun.Target.ACTION, ActionRun.Kind.SMS_SESSION, second).succeededAt()).isPresent();
        assertThat(webhookRun(second).succeededAt()).isEmpty();
        assertThat(webhookRun(second).lastError()).contains(WebhookDeliveryException.class.getName() + ": HTTP 500");
        assertThat(webhookRun(first).attempts()).as("delivered once, not again").isEqualTo(1);
        assertThat(javaCalls).containsExactlyInAnyOrder("closed " + first, "closed " + first, "closed " + second);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReversalAndAnMbsCommitOweTheWebhookItsOwnEvents(TestDatabases kind) throws Exception {
        MessageProcessor processor = open(kind, 1);
        String code = processor.process(new GatewayMessage(FortumoDialect.NAME, "f-1", "37060000003", "lt",
                "tele2_lt", "1337", "order-9", PRICE, "EUR", false)).closedSession().orElseThrow().value();
        clock.advance(Duration.ofMinutes(5));
        processor.handle(new DeliveryReport("fortumo", "f-1", false, java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of(PRICE), java.util.Optional.empty()));
        new BillingRecorder(database, SAFE, clock, new CommittedMbsTransactions(SAFE, BOTH)).record(
                new Transaction(2456, 1, "order-10", "bite_lt", "acc-1", "37060000001", null, AccountType.PREPAID,
                        250, 250, "EUR", MtType.SMS, "thanks", null, TransactionStatus.fromWire("commit"), "ok", null,
                        Map.of()));

        assertThat(webhookRunner.runDue()).isEqualTo(3);
        assertThat(javaRunner.runDue()).isEqualTo(3);

        ObjectMapper json = new ObjectMapper();
        List<String> types = receiver.received().stream().map(r -> {
            try {
                return json.readTree(r.body()).get("type").asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(types).containsExactlyInAnyOrder("session.closed", "session.reversed", "mbs.committed");
        assertThat(receiver.received()).extracting(r -> r.header("SmsSafe-Event")).containsExactlyInAnyOrder(
                WebhookEvent.idOf(SAFE, "session.closed", code),
                WebhookEvent.idOf(SAFE, "session.reversed", code + "|fortumo:f-1"),
                WebhookEvent.idOf(SAFE, "mbs.committed", "1:2456"));
        assertThat(javaCalls).containsExactlyInAnyOrder("closed " + code, "reversed f-1", "committed 1:2456");
    }
}
