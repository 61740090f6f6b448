package lt.smssafe.sms.dialect.paysera;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code paysera.public-key}: PEM text, or a {@code file:} URL of a PEM file, holding a
 * {@code PUBLIC KEY} or a {@code CERTIFICATE} (Paysera publishes its key both ways).
 */
public final class PayseraKeys {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (PUBLIC KEY|CERTIFICATE)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PayseraKeys() {
    }

    /** @throws IllegalArgumentException saying why the text is not a usable RSA public key */
    public static PublicKey publicKey(String pemOrFile) {
        String pem = pemOrFile.strip().startsWith("file:") ? read(pemOrFile.strip()) : pemOrFile;
        Matcher matcher = PEM.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException("must be a PEM public key or certificate, or a file: URL of one");
        }
        byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
        try {
            PublicKey key = matcher.group(1).equals("CERTIFICATE")
                    ? CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der))
                            .getPublicKey()
                    : KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            if (!"RSA".equals(key.getAlgorithm())) {
                throw new IllegalArgumentException("must be an RSA key, not " + key.getAlgorithm());
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("is not a readable RSA public key: " + e.getMessage());
        }
    }

    /** The PEM text of a public key, as a site owner would paste it into {@code paysera.public-key}. */
    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String read(String fileUrl) {
        try {
            return Files.readString(Path.of(URI.create(fileUrl)), StandardCharsets.US_ASCII);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the key file " + fileUrl + ": " + e.getMessage());
        }
    }
}
