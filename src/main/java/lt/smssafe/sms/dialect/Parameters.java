package lt.smssafe.sms.dialect;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import lt.smssafe.signing.RejectedRequestException;

/**
 * A gateway request's parameters read one by one, in the dialect's order, each refused as
 * {@code 400 bad request: <name>} when it is missing where required, given more than once (which value was signed?)
 * or not in its form.
 */
public final class Parameters {
    private final Map<String, String[]> given;

    private Parameters(Map<String, String[]> given) {
        this.given = given;
    }

    /** The request's parameters, {@code ServletRequest#getParameterMap()}. */
    public static Parameters of(Map<String, String[]> given) {
        return new Parameters(given == null ? Map.of() : given);
    }

    /** The one value, which must be there and match the form ({@code null} form: any text). */
    public String required(String name, Pattern form) throws RejectedRequestException {
        return optional(name, form).orElseThrow(() -> RejectedRequestException.badRequest(name));
    }

    /** The one value if given, which must match the form ({@code null} form: any text). */
    public Optional<String> optional(String name, Pattern form) throws RejectedRequestException {
        String[] values = given.get(name);
        if (values == null || values.length == 0) {
            return Optional.empty();
        }
        if (values.length > 1 || values[0] == null || form != null && !form.matcher(values[0]).matches()) {
            throw RejectedRequestException.badRequest(name);
        }
        return Optional.of(values[0]);
    }

    /** Text of at most this many code points. */
    public Optional<String> optionalText(String name, int maxCodePoints) throws RejectedRequestException {
        Optional<String> value = optional(name, null);
        if (value.isPresent() && value.get().codePointCount(0, value.get().length()) > maxCodePoints) {
            throw RejectedRequestException.badRequest(name);
        }
        return value;
    }

    /** Whether the parameter was given at all. */
    public boolean has(String name) {
        return given.containsKey(name);
    }

    /**
     * Every parameter with its one value, for signing. Call after every parameter was read: a name given twice was
     * refused there, and one the dialect does not read is signed with its first value (Fortumo's dialect refuses
     * such a name given twice before it signs).
     */
    public Map<String, String> singleValues() {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        given.forEach((name, value) -> values.put(name, value == null || value.length == 0 ? "" : value[0]));
        return values;
    }
}
