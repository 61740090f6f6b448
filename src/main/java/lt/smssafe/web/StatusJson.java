package lt.smssafe.web;

import java.util.LinkedHashMap;
import java.util.Map;
import lt.smssafe.api.SessionStatus;

/**
 * A session's status as JSON (docs/protocol.md §6):
 * {@code {"session":"7KQ2M9XA","state":"waiting","received":3,"required":4,"waitSeconds":86100}}, with
 * {@code closedAt} (ISO-8601) once closed, and {@code "test":true}, {@code "reversed":true},
 * {@code "redeemed":true} where they hold. Those three appear only when true, so that §6's example stays exactly
 * the answer for a real payment that was neither reversed nor redeemed; a reader takes a missing one as false.
 * Nothing that identifies the payer is in it, nor for whom the code was redeemed.
 */
final class StatusJson {
    private StatusJson() {
    }

    static Map<String, Object> of(SessionStatus status) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("session", status.code());
        fields.put("state", status.stateCode());
        fields.put("received", status.received());
        fields.put("required", status.required());
        fields.put("waitSeconds", status.waitSeconds());
        status.closedAt().ifPresent(closed -> fields.put("closedAt", closed.toString()));
        flag(fields, "test", status.test());
        flag(fields, "reversed", status.isReversed());
        flag(fields, "redeemed", status.isRedeemed());
        return fields;
    }

    private static void flag(Map<String, Object> fields, String name, boolean holds) {
        if (holds) {
            fields.put(name, true);
        }
    }

    /** The answer for a code no session has. */
    static Map<String, Object> unknown() {
        return Map.of("error", "unknown session");
    }
}
