package lt.smssafe.sms.dialect.paysera;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import lt.smssafe.signing.Signatures;

/**
 * Paysera's callback encoding (docs/protocol.md §8.2), both ways, as {@code paysera/lib-webtopay} reads it: {@code data}
 * is URL-safe base64 ({@code -} and {@code _} for {@code +} and {@code /}) of a form-encoded query;
 * {@code ss1 = hex(MD5(data + password))}; {@code ss2} and {@code ss3} are the URL-safe base64 of an RSA signature
 * (SHA-1, SHA-256) over {@code data} as received; without any of them {@code data} is AES-256-GCM encrypted: 12
 * bytes of IV first, the 16-byte tag last, the key the password's bytes zero-padded or cut to 32, as PHP's OpenSSL
 * takes a key string. The endpoint verifies and decrypts with it; {@link PayseraRequest} signs and encrypts with it
 * for the sandbox, the tool and the tests.
 */
public final class PayseraCodec {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Which RSA signature parameter. */
    public enum RsaSignature {
        /** {@code ss2}: RSA with SHA-1. */
        SS2("ss2", "SHA1withRSA"),
        /** {@code ss3}: RSA with SHA-256. */
        SS3("ss3", "SHA256withRSA");

        private final String parameter;
        private final String algorithm;

        RsaSignature(String parameter, String algorithm) {
            this.parameter = parameter;
            this.algorithm = algorithm;
        }

        /** The request parameter that carries it. */
        public String parameter() {
            return parameter;
        }
    }

    private PayseraCodec() {
    }

    /** URL-safe base64, padded, as Paysera writes it. */
    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes).replace('+', '-').replace('/', '_');
    }

    /** Reads URL-safe (or standard) base64; empty when it is not base64. */
    public static Optional<byte[]> decode(String text) {
        try {
            return Optional.of(Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code ss1} of this {@code data}. */
    public static String ss1(String data, String password) {
        return Signatures.md5Hex(data + password);
    }

    /** Whether {@code ss1} is {@code data}'s, in either letter case. */
    public static boolean verifySs1(String data, String password, String ss1) {
        return Signatures.hexMatches(ss1(data, password), ss1);
    }

    /** {@code ss2} or {@code ss3} of this {@code data}, made with Paysera's private key. */
    public static String sign(RsaSignature kind, String data, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(kind.algorithm);
            signature.initSign(key);
            signature.update(data.getBytes(StandardCharsets.US_ASCII));
            return encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** Whether the {@code ss2} or {@code ss3} value is {@code data}'s under Paysera's public key. */
    public static boolean verify(RsaSignature kind, String data, String value, PublicKey key) {
        Optional<byte[]> signatureBytes = decode(value);
        if (signatureBytes.isEmpty()) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(kind.algorithm);
            signature.initVerify(key);
            signature.update(data.getBytes(StandardCharsets.US_ASCII));
            return signature.verify(signatureBytes.get());
        } catch (GeneralSecurityException e) {
            // a signature of the wrong length or a key of the wrong kind: not Paysera's signature
            return false;
        }
    }

    /** The encrypted {@code data} of this query, as Paysera sends it without signatures. */
    public static String encrypt(String query, String password) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(password), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(query.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return encode(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM, which every Java runtime must provide, failed", e);
        }
    }

    /** The query inside an encrypted {@code data}, or empty when it was not encrypted with this password. */
    public static Optional<String> decrypt(byte[] data, String password) {
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(password), new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            byte[] plain = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (javax.crypto.AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM, which every Java runtime must provide, failed", e);
        }
    }

    /** PHP's OpenSSL takes a key string as bytes, zero-padded or cut to the cipher's 32. */
    private static SecretKeySpec key(String password) {
        return new SecretKeySpec(Arrays.copyOf(password.getBytes(StandardCharsets.UTF_8), KEY_BYTES), "AES");
    }
}
