package lt.smssafe.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import lt.smssafe.it.TestWar;
import lt.smssafe.it.TomcatLog;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.testing.FakeSmsSafeGateway;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code notify.allow}: a caller outside the allowed blocks is refused before anything else is looked at. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotifyAllowIT {
    private static final String PASSKEY = "allow-passkey-6161";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.named("allow-it")
                .with("safe", "6161")
                .with("passkey", PASSKEY)
                .with("notify.allow", "192.0.2.0/24, 2001:db8::1")
                .build();
    }

    @Test
    void aCallerOutsideTheAllowedBlocksIsForbiddenEvenWithAValidOrAMalformedRequest() throws InterruptedException {
        FakeSmsSafeGateway gateway = new FakeSmsSafeGateway(URI.create(base + "result"),
                SignatureScheme.HMAC_SHA256, PASSKEY);
        String logged = "sms:safe /result refused a call from";
        int before = TomcatLog.entriesContaining(logged).size();

        HttpResponse<String> valid = gateway.deliver(FakeSmsSafeGateway.sms(6161, "a-1", "37060000001", "x"));
        HttpResponse<String> malformed = gateway.get(Map.of("safe", "x"));

        assertThat(valid.statusCode() + " " + valid.body()).isEqualTo("403 forbidden");
        assertThat(malformed.statusCode() + " " + malformed.body()).isEqualTo("403 forbidden");
        List<String> entries = TomcatLog.awaitEntries(logged, before);
        Thread.sleep(500);
        assertThat(TomcatLog.entriesContaining(logged))
                .as("the refused address is named, once a minute however often it calls").hasSize(before + 1);
        assertThat(entries.get(entries.size() - 1)).contains("not in notify.allow");
    }
}
