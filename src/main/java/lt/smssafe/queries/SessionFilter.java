package lt.smssafe.queries;

import java.util.Locale;
import java.util.Optional;
import lt.smssafe.api.SessionState;

/**
 * What the admin narrows the unclosed sessions to on {@code /select}; every part is optional. Values are
 * normalised as they are stored (country lower case) so that a filter typed by hand still matches.
 *
 * @param msisdn digits the phone number starts with
 * @param state {@link SessionState#OPEN} or {@link SessionState#WAITING}
 */
public record SessionFilter(Optional<String> msisdn, Optional<String> country, Optional<String> provider,
        Optional<SessionState> state) {
    /** No filter: every unclosed session. */
    public static final SessionFilter NONE = new SessionFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /**
     * A filter from the page's form fields; blank fields are ignored, and a field that cannot match anything
     * stored (a phone "number" with letters, say) is kept as it is so that it matches nothing.
     */
    public static SessionFilter of(String msisdn, String country, String provider, String state) {
        return new SessionFilter(text(msisdn), text(country).map(c -> c.toLowerCase(Locale.ROOT)),
                text(provider).map(p -> p.toLowerCase(Locale.ROOT)), state(state));
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Optional<SessionState> state(String value) {
        return text(value).flatMap(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "open" -> Optional.of(SessionState.OPEN);
            case "waiting" -> Optional.of(SessionState.WAITING);
            default -> Optional.empty();
        });
    }
}
