package lt.smssafe.sms.dialect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A gateway request's parameters as the gateways send them, {@code application/x-www-form-urlencoded}: the query of
 * a GET, the body of a POST, and what Paysera's {@code data} carries.
 */
public final class FormQuery {
    private FormQuery() {
    }

    /** {@code name=value&...} in the map's order, each part URL-encoded in UTF-8. */
    public static String of(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
