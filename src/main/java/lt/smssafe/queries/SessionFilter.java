package lt.smssafe.queries;

import static lt.smssafe.queries.FormFields.text;

import java.util.Locale;
import java.util.Optional;
import lt.smssafe.api.SessionState;

/**
 * What the admin narrows the unclosed sessions to on {@code /select}; every part is optional. Values are
 * normalised as they are stored (country lower case) so that a filter typed by hand still matches.
 *
 * @param msisdn digits the phone number starts with
 * @param operator the operator's code, e.g. {@code bite_lt}: the form's {@code provider} field
 * @param state {@link SessionState#OPEN} or {@link SessionState#WAITING}
 */
public record SessionFilter(Optional<String> msisdn, Optional<String> country, Optional<String> operator,
        Optional<SessionState> state) {
    /** No filter: every unclosed session. */
    public static final SessionFilter NONE = new SessionFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /**
     * A filter from the page's form fields; blank fields are ignored, and a field that cannot match anything
     * stored (a phone "number" with letters, say) is kept as it is so that it matches nothing.
     */
    public static SessionFilter of(String msisdn, String country, String operator, String state) {
        return new SessionFilter(text(msisdn), text(country).map(c -> c.toLowerCase(Locale.ROOT)),
                text(operator).map(o -> o.toLowerCase(Locale.ROOT)), state(state));
    }

    /** The payments list narrowed to this filter, and to what is not closed. */
    PaymentFilter asPaymentFilter() {
        return new PaymentFilter(Optional.empty(), msisdn, Optional.empty(), country, operator, Optional.empty(),
                Optional.of(state.map(SessionState::code).orElse(PaymentFilter.UNCLOSED)), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static Optional<SessionState> state(String value) {
        return text(value).flatMap(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "open" -> Optional.of(SessionState.OPEN);
            case "waiting" -> Optional.of(SessionState.WAITING);
            default -> Optional.empty();
        });
    }
}
