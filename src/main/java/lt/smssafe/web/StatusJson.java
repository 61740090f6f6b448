package lt.smssafe.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import lt.smssafe.queries.SessionStatus;

/**
 * A session's status as JSON (PROTOCOL.md §6):
 * {@code {"session":"7KQ2M9XA","state":"waiting","received":3,"required":4,"waitSeconds":86100}}, with
 * {@code closedAt} (ISO-8601) once closed. Nothing that identifies the payer is in it.
 */
final class StatusJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusJson() {
    }

    static String of(SessionStatus status) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("session", status.code());
        fields.put("state", status.stateCode());
        fields.put("received", status.received());
        fields.put("required", status.required());
        fields.put("waitSeconds", status.waitSeconds());
        status.closedAt().ifPresent(closed -> fields.put("closedAt", closed.toString()));
        return write(fields);
    }

    /** The answer for a code no session has. */
    static String unknown() {
        return write(Map.of("error", "unknown session"));
    }

    private static String write(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values cannot fail to serialise", e);
        }
    }
}
