package lt.smssafe.bench;

/** The two applications under load: the production WAR and the minimal JDBC baseline, with their tables. */
enum Side {
    WAR("WAR", "smssafe", "smssafe_message", "smssafe_session", "smssafe_action_run", " AND dialect = 'smssafe'"),
    BASELINE("baseline", "baseline", "baseline_message", "baseline_session", "baseline_action", "");

    /** How the tables call it. */
    final String label;
    /** Its context path, without the slash; also its database user on MariaDB. */
    final String context;
    final String messages;
    final String sessions;
    final String actions;
    /** What else selects the sms:safe protocol's messages (the WAR's unique key has the dialect). */
    final String messageFilter;

    Side(String label, String context, String messages, String sessions, String actions, String messageFilter) {
        this.label = label;
        this.context = context;
        this.messages = messages;
        this.sessions = sessions;
        this.actions = actions;
        this.messageFilter = messageFilter;
    }

    /** One letter for message ids. */
    char letter() {
        return this == WAR ? 'w' : 'b';
    }
}
