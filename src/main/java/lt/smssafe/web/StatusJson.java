package lt.smssafe.web;

import java.util.LinkedHashMap;
import java.util.Map;
import lt.smssafe.queries.SessionStatus;

/**
 * A session's status as JSON (PROTOCOL.md §6):
 * {@code {"session":"7KQ2M9XA","state":"waiting","received":3,"required":4,"waitSeconds":86100}}, with
 * {@code closedAt} (ISO-8601) once closed. Nothing that identifies the payer is in it.
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
        return fields;
    }

    /** The answer for a code no session has. */
    static Map<String, Object> unknown() {
        return Map.of("error", "unknown session");
    }
}
