package lt.smssafe.sms.dialect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The named values of a request that a builder writes as its gateway would ({@code NotificationRequest},
 * {@code FortumoRequest}, {@code PayseraRequest}): in the gateway's order, with the builder's defaults, of which a test
 * sets what it likes. Only a name the gateway sends can be set, and setting it keeps its place. A value may be left
 * out (Fortumo's optional parameters): it keeps its place too, and comes back there when it is set.
 */
public final class RequestValues {
    private final String unknownName;
    /** In order; a null value is left out. */
    private final Map<String, String> values = new LinkedHashMap<>();

    /** @param unknownName what a name the gateway does not send is, e.g. {@code "not a parameter Fortumo sends: "} */
    public RequestValues(String unknownName) {
        this.unknownName = unknownName;
    }

    /** The next name in the gateway's order, with its default; null leaves it out until it is set. */
    public void add(String name, String value) {
        values.put(name, value);
    }

    /** @throws IllegalArgumentException for a name that was not added */
    public void set(String name, String value) {
        known(name);
        values.put(name, Objects.requireNonNull(value, name));
    }

    /** @throws IllegalArgumentException for a name that was not added */
    public void leaveOut(String name) {
        known(name);
        values.put(name, null);
    }

    /** The values that are not left out, in order: a copy to change as a test likes before signing. */
    public Map<String, String> present() {
        Map<String, String> present = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        return present;
    }

    private void known(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException(unknownName + name);
        }
    }
}
