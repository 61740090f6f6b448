package lt.smssafe.bench;

import java.util.List;

/**
 * The check after each round, by SQL on the side's own tables: every 200 is stored once and nothing else is. The
 * messages stored with the round's ids are at least the 200 answers and at most those plus the requests still in
 * flight when wrk stopped (it stops without waiting for them, and the server finishes them); each was sent (its line
 * lies within what its wrk thread sent); no other message row appeared; the sessions moved as the scenario says (one
 * opened per message for new phones, none otherwise, every message counted, none closed but in the webhook
 * comparison's load, where each closing message closed one and owes one payment action). Any answer but 200, any
 * socket error or running out of pre-signed requests makes the round invalid too.
 *
 * <p>The sessions are read by their ids past scenario 3's prefilled history (those of the open sessions and of the
 * sessions opened since) and the tables' sizes by {@code COUNT(*)}, which H2 answers without reading the rows:
 * summing a million closed sessions before and after every round read the whole history through the page cache that
 * the next round works in (the flatness measured did not change by more than the runs vary). No round's message
 * belongs to the history (the rounds' phones have open sessions), so the check does not read it again.
 */
final class Validation {
    /** Rows of one side's tables; received and closed of the sessions past the prefilled history. */
    record Counts(long messages, long sessions, long received, long closed, long actions) {
    }

    private final Engine engine;
    private final Side side;
    private final String tag;
    private final boolean newPhones;
    private final int closingEvery;
    private final long history;

    /**
     * @param newPhones scenario 1 and the webhook comparison: every message opens a session
     * @param closingEvery the webhook comparison: the messages whose sequence number in their wrk thread's file is a
     *     multiple of this close their session and owe a payment action; 0: none does
     * @param history the prefilled closed sessions, ids 1 to {@code history} (0 for none)
     */
    Validation(Engine engine, Side side, String tag, boolean newPhones, int closingEvery, long history) {
        this.engine = engine;
        this.side = side;
        this.tag = tag;
        this.newPhones = newPhones;
        this.closingEvery = closingEvery;
        this.history = history;
    }

    /** Whether the message of this sequence number in its thread's file closes its session. */
    static boolean closes(long seq, int closingEvery) {
        return closingEvery > 0 && seq % closingEvery == 0;
    }

    Counts counts() throws Exception {
        String recent = " FROM " + side.sessions + " WHERE id > " + history;
        List<String> row = engine.query(side, "SELECT (SELECT COUNT(*) FROM " + side.messages + "), (SELECT COUNT(*)"
                + " FROM " + side.sessions + "), (SELECT COALESCE(SUM(received_messages), 0)" + recent
                + "), (SELECT COUNT(*)" + recent + " AND closed_at IS NOT NULL), (SELECT COUNT(*) FROM "
                + side.actions + ")").get(0);
        return new Counts(Long.parseLong(row.get(0)), Long.parseLong(row.get(1)), Long.parseLong(row.get(2)),
                Long.parseLong(row.get(3)), Long.parseLong(row.get(4)));
    }

    /**
     * Checks the round and adds what is wrong to {@code problems}.
     *
     * @return the messages stored with the round's ids
     */
    long check(Counts before, Wrk.Result wrk, List<String> problems) throws Exception {
        Counts after;
        List<List<String>> ids;
        int tries = 0;
        do {
            // a request still waiting for a connection when wrk stopped may commit later than the others
            settle();
            ids = engine.query(side, "SELECT message_id FROM " + side.messages + " WHERE safe_id = "
                    + Benchmark.SAFE + side.messageFilter + " AND message_id LIKE '" + tag + "-%'");
            after = counts();
        } while (after.messages() - before.messages() != ids.size() && ++tries < 3);
        long stored = ids.size();
        if (wrk.notOk() > 0) {
            problems.add("answers other than 200: " + wrk.statuses());
        }
        if (wrk.socketErrors() > 0) {
            problems.add("socket errors " + wrk.errors());
        }
        if (wrk.exhausted() > 0) {
            problems.add("ran out of pre-signed requests (" + wrk.exhausted() + " times): raise -Dbench.max-rate");
        }
        long neverSent = ids.stream().map(id -> id.get(0).split("-")).filter(p -> {
            int thread = Integer.parseInt(p[1]);
            return thread >= wrk.sent().length || Long.parseLong(p[2]) >= wrk.sent()[thread];
        }).count();
        if (neverSent > 0) {
            problems.add(neverSent + " messages stored that were never sent");
        }
        if (stored < wrk.ok()) {
            problems.add("fewer messages stored (" + stored + ") than 200 answers (" + wrk.ok() + ")");
        }
        if (stored > wrk.ok() + wrk.unanswered()) {
            problems.add("more messages stored (" + stored + ") than 200 answers (" + wrk.ok() + ") and requests in"
                    + " flight at the end (" + wrk.unanswered() + ")");
        }
        expect(problems, "message rows", after.messages() - before.messages(), stored);
        expect(problems, "sessions opened", after.sessions() - before.sessions(), newPhones ? stored : 0);
        expect(problems, "messages counted in sessions", after.received() - before.received(), stored);
        long closing = ids.stream().filter(id -> closes(Long.parseLong(id.get(0).split("-")[2]), closingEvery)).count();
        expect(problems, "sessions closed", after.closed() - before.closed(), closing);
        expect(problems, "payment actions owed", after.actions() - before.actions(), closing);
        return stored;
    }

    /**
     * Waits until the requests wrk left in flight are done: the round's stored count has not changed for 0.6 s (at
     * most 30 s); {@link #check} looks again when the tables then disagree.
     */
    private void settle() throws Exception {
        String count = "SELECT COUNT(*) FROM " + side.messages + " WHERE safe_id = " + Benchmark.SAFE
                + side.messageFilter + " AND message_id LIKE '" + tag + "-%'";
        long deadline = System.nanoTime() + 30_000_000_000L;
        String last = engine.query(side, count).get(0).get(0);
        int unchanged = 0;
        while (unchanged < 3 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            String now = engine.query(side, count).get(0).get(0);
            unchanged = now.equals(last) ? unchanged + 1 : 0;
            last = now;
        }
    }

    private static void expect(List<String> problems, String what, long actual, long expected) {
        if (actual != expected) {
            problems.add(what + ": " + actual + ", expected " + expected);
        }
    }
}
