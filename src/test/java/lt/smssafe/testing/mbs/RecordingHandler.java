package lt.smssafe.testing.mbs;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;

/** Keeps the text of every SOAP request the sandbox receives, so tests can look at the wire itself. */
final class RecordingHandler implements SOAPHandler<SOAPMessageContext> {
    private final List<String> requests;

    RecordingHandler(List<String> requests) {
        this.requests = requests;
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        if (!Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            try {
                context.getMessage().writeTo(text);
            } catch (SOAPException | IOException e) {
                throw new IllegalStateException("cannot record a request", e);
            }
            requests.add(text.toString(StandardCharsets.UTF_8));
        }
        return true;
    }

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        return true;
    }

    @Override
    public void close(MessageContext context) {
    }

    @Override
    public Set<QName> getHeaders() {
        return Set.of();
    }
}
