package lt.smssafe.mbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import lt.smssafe.testing.mbs.SandboxMbs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client over HTTPS, as the platform is reached in production: a sandbox with a certificate made for
 * 127.0.0.1 by the JDK's keytool. Trusted, a bill goes through; untrusted, the client refuses to talk and says the
 * platform is unavailable rather than sending the secret key to an unknown server.
 */
class MbsDirectTlsTest {
    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;
    private SandboxMbs sandbox;
    private SSLSocketFactory jvmDefault;
    private SSLSocketFactory trusted;

    @BeforeEach
    void start() throws Exception {
        Path keystore = dir.resolve("sandbox.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "sandbox", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keyManagers.getKeyManagers(), null, null);
        sandbox = new SandboxMbs().addService(41, "tls-secret").addOperator("bite_lt", "Bitė", true)
                .addAccount("acc", "37060000001", "bite_lt", AccountType.PREPAID, 10_000).startTls(server);
        jvmDefault = HttpsURLConnection.getDefaultSSLSocketFactory();
        // what a site owner does with a private CA: trust it (here for HttpsURLConnection, which Metro uses)
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
        trusted = client.getSocketFactory();
    }

    @AfterEach
    void stop() {
        HttpsURLConnection.setDefaultSSLSocketFactory(jvmDefault);
        sandbox.close();
    }

    @Test
    void aTrustedPlatformIsBilledOverHttps() {
        HttpsURLConnection.setDefaultSSLSocketFactory(trusted);
        assertThat(sandbox.url().getScheme()).isEqualTo("https");

        try (MbsDirect mbs = new MbsDirect(MbsConfig.of(sandbox.url(), 41, "tls-secret", null))) {
            Transaction t = mbs.bill("acc", BillRequest.sms("order-tls", "Thanks", 300, "EUR"));
            mbs.commitTransaction(t.transactionId());

            assertThat(mbs.isCommitted(t.transactionId())).isTrue();
        }
        assertThat(sandbox.balance("acc")).isEqualTo(9_700);
    }

    @Test
    void anUntrustedCertificateIsRefusedAsUnavailableAndNothingIsBilled() {
        HttpsURLConnection.setDefaultSSLSocketFactory(jvmDefault);

        try (MbsDirect mbs = new MbsDirect(MbsConfig.of(sandbox.url(), 41, "tls-secret", null))) {
            assertThatThrownBy(() -> mbs.bill("acc", BillRequest.sms("order-tls", "Thanks", 300, "EUR")))
                    .isInstanceOf(MbsUnavailableException.class);
        }
        assertThat(sandbox.requestsReceived()).isEqualTo(List.of());
        assertThat(sandbox.balance("acc")).isEqualTo(10_000);
    }
}
