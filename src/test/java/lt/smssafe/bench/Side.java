package lt.smssafe.bench;

import java.util.List;

/**
 * The applications under load, with their tables: the production WAR and the minimal JDBC baseline; and, for the
 * webhook comparison ({@code bench.webhook=compare}), the production WAR deployed a second time with the webhook on,
 * with a database of its own.
 */
enum Side {
    WAR("WAR", "smssafe", 'w', "smssafe_message", "smssafe_session", "smssafe_action_run", " AND dialect = 'smssafe'"),
    BASELINE("baseline", "baseline", 'b', "baseline_message", "baseline_session", "baseline_action", ""),
    HOOK("WAR+hook", "smssafe-hook", 'h', "smssafe_message", "smssafe_session", "smssafe_action_run",
            " AND dialect = 'smssafe'");

    /** The WAR against the baseline: the numbered scenarios. */
    static final List<Side> VERSUS_BASELINE = List.of(WAR, BASELINE);
    /** The WAR with the webhook off against the WAR with it on. */
    static final List<Side> WEBHOOK_OFF_ON = List.of(WAR, HOOK);

    /** How the tables call it. */
    final String label;
    /** Its context path, without the slash; also its database user on MariaDB. */
    final String context;
    /** One letter for message ids. */
    private final char letter;
    final String messages;
    final String sessions;
    final String actions;
    /** What else selects the sms:safe protocol's messages (the WAR's unique key has the dialect). */
    final String messageFilter;

    Side(String label, String context, char letter, String messages, String sessions, String actions,
            String messageFilter) {
        this.label = label;
        this.context = context;
        this.letter = letter;
        this.messages = messages;
        this.sessions = sessions;
        this.actions = actions;
        this.messageFilter = messageFilter;
    }

    /** One letter for message ids. */
    char letter() {
        return letter;
    }

    /** Whether it is the production WAR, with the WAR's tables. */
    boolean war() {
        return this != BASELINE;
    }
}
