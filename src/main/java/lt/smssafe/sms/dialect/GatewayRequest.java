package lt.smssafe.sms.dialect;

import java.util.Map;

/**
 * A gateway's HTTP request as a dialect reads it, without the servlet API.
 *
 * @param remoteAddress the caller's address, {@code ServletRequest#getRemoteAddr()}
 * @param parameters the query and form parameters, URL-decoded as UTF-8, {@code ServletRequest#getParameterMap()}
 */
public record GatewayRequest(String remoteAddress, Map<String, String[]> parameters) {
    public GatewayRequest {
        parameters = parameters == null ? Map.of() : parameters;
    }
}
