package lt.smssafe.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lt.smssafe.testing.TestData;

/**
 * Before any load: both sides answer the contract's texts (docs/protocol.md §2 and §3) for one phone's whole session
 * (started, a gateway's retry with a new time and signature answered from storage, the 409 of a reused id, next,
 * closed, a new session after it), and the refusals in the contract's order. The baseline must be a correct
 * endpoint for the comparison to mean anything; and the WAR must have the benchmark's rates (N = 100 for scenarios 2
 * and 3, else their sessions would close).
 */
final class ContractCheck {
    private static final Pattern CODE = Pattern.compile(TestData.CODE);

    private final SignedRequests requests;
    private final Http http;

    ContractCheck(SignedRequests requests, Http http) {
        this.requests = requests;
        this.http = http;
    }

    /** The differences from the contract; empty when the side answers it. */
    List<String> check(Side side, String tag) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        long now = System.currentTimeMillis() / 1000;
        String phone = "39900" + String.format("%06d", Math.abs(tag.hashCode()) % 1_000_000);
        String id = "check-" + tag + "-";
        Map<String, String> first = requests.values(id + 1, phone, SignedRequests.NEW_PHONES, now);

        String started = expect(problems, side, "first message", requests.signed(first), 200,
                "your message is received, session (CODE) started");
        String code = code(started);
        Map<String, String> retry = new LinkedHashMap<>(first);
        retry.put("time", String.valueOf(now + 1));
        expect(problems, side, "retry with a new time", requests.signed(retry), 200, started == null ? "?" : started);
        Map<String, String> reused = new LinkedHashMap<>(first);
        reused.put("content", "other");
        expect(problems, side, "reused id", requests.signed(reused), 409, "message_id reused");
        expect(problems, side, "second message",
                requests.signed(requests.values(id + 2, phone, SignedRequests.NEW_PHONES, now)), 200,
                "your message is received for session " + code);
        expect(problems, side, "third message",
                requests.signed(requests.values(id + 3, phone, SignedRequests.NEW_PHONES, now)), 200,
                "your message is received, session " + code + " closed");
        String next = expect(problems, side, "next session",
                requests.signed(requests.values(id + 4, phone, SignedRequests.NEW_PHONES, now)), 200,
                "your message is received, session (CODE) started");
        if (code != null && code.equals(code(next))) {
            problems.add(side.label + ": the next session has the closed one's code " + code);
        }

        Map<String, String> forged = requests.signed(requests.values(id + 5, phone, SignedRequests.NEW_PHONES, now));
        forged.put("content", "forged");
        expect(problems, side, "forged", forged, 403, "checksum failed");
        Map<String, String> missing = requests.signed(requests.values(id + 6, phone, SignedRequests.NEW_PHONES, now));
        missing.remove("msisdn");
        expect(problems, side, "missing msisdn", missing, 400, "bad request: msisdn");
        Map<String, String> malformed = requests.values(id + 7, phone, SignedRequests.NEW_PHONES, now);
        malformed.put("cost_local", "1.456");
        expect(problems, side, "malformed cost", requests.signed(malformed), 400, "bad request: cost_local");
        Map<String, String> otherSafe = requests.values(id + 8, phone, SignedRequests.NEW_PHONES, now);
        otherSafe.put("safe", "1");
        expect(problems, side, "another safe", requests.signed(otherSafe), 404, "unknown safe");
        expect(problems, side, "stale",
                requests.signed(requests.values(id + 9, phone, SignedRequests.NEW_PHONES, now - 7200)), 403,
                "stale request");

        if (side == Side.WAR) {
            String open = expect(problems, side, "open session", requests.signed(requests.values(id + 10,
                    phone + "1", SignedRequests.OPEN_SESSIONS, now)), 200,
                    "your message is received, session (CODE) started");
            if (code(open) != null) {
                Http.Answer status = http.get("/smssafe/check?format=json&session=" + code(open));
                if (!status.body().contains("\"required\":100")) {
                    problems.add("WAR: a session of " + SignedRequests.OPEN_SESSIONS + " does not need 100 messages"
                            + " (are the benchmark's rates loaded?): " + status);
                }
            }
        }
        return problems;
    }

    /**
     * Sends the request and compares the answer; {@code (CODE)} in the body stands for a session code.
     *
     * @return the body when it was as expected, else null
     */
    private String expect(List<String> problems, Side side, String what, Map<String, String> parameters,
            int status, String body) throws IOException, InterruptedException {
        Http.Answer answer = http.get(SignedRequests.path(side, parameters));
        Pattern expected = Pattern.compile(Pattern.quote(body).replace("(CODE)", "\\E" + CODE.pattern() + "\\Q"));
        if (answer.status() != status || !expected.matcher(answer.body()).matches()) {
            problems.add(side.label + ", " + what + ": expected " + status + " '" + body + "', got " + answer);
            return null;
        }
        return answer.body();
    }

    private static String code(String body) {
        if (body == null) {
            return null;
        }
        Matcher m = CODE.matcher(body);
        return m.find() ? m.group() : null;
    }
}
