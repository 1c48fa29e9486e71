package io.seamless.command.audit.digest;

import io.seamless.schemas.EventHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 key pair digests are signed with (the JDK's own Ed25519, no extra library): read from two PEM
 * files (PKCS#8 private key, X.509 public key); when neither exists yet, generated once and written
 * there, the private key readable by its owner only. Embedded default: under {@code <data-dir>/audit}.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    SigningKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static SigningKeys loadOrCreate(Path privatePem, Path publicPem) {
        try {
            if (!Files.exists(privatePem) && !Files.exists(publicPem)) {
                create(privatePem, publicPem);
            }
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            return new SigningKeys(ed25519.generatePrivate(new PKCS8EncodedKeySpec(pem(privatePem))),
                    readPublicKey(publicPem));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("audit signing keys " + privatePem + ", " + publicPem + " are not Ed25519", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the audit signing keys", e);
        }
    }

    /** An Ed25519 public key from a PEM file (X.509), as served at {@code /api/v1/audit/public-key}. */
    public static PublicKey readPublicKey(Path pem) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(pem(pem)));
    }

    String sign(byte[] bytes) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(bytes);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** True when {@code signature} is this key's signature of {@code bytes}; false for anything malformed. */
    public static boolean verify(PublicKey key, byte[] bytes, String signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(bytes);
            return signature != null && verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    String keyId() {
        return EventHashes.sha256Hex(publicKey.getEncoded()).substring(0, 16);
    }

    String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static void create(Path privatePem, Path publicPem) throws GeneralSecurityException, IOException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.createDirectories(privatePem.toAbsolutePath().getParent());
        Files.createDirectories(publicPem.toAbsolutePath().getParent());
        write(privatePem, "PRIVATE KEY", pair.getPrivate().getEncoded());
        ownerOnly(privatePem);
        write(publicPem, "PUBLIC KEY", pair.getPublic().getEncoded());
        log.warn("Generated the audit digest signing key pair: {} (keep it safe and backed up) and {}",
                privatePem, publicPem);
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        Files.writeString(file, "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n");
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.warn("Could not make {} readable by its owner only: {}", file, e.toString());
        }
    }

    private static byte[] pem(Path file) throws IOException {
        String body = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
