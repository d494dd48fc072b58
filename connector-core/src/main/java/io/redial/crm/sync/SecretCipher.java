package io.redial.crm.sync;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for secrets at rest (DESIGN decision 6). The key comes from {@code REDIAL_ENCRYPTION_KEY}
 * (base64, 32 bytes); its id (a digest prefix) is stored beside each secret so old rows stay readable
 * while {@code REDIAL_ENCRYPTION_PREVIOUS_KEYS} (comma-separated) still lists their key.
 */
@Component
public class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    public record Sealed(String keyId, byte[] bytes) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String currentKeyId;

    SecretCipher(@Value("${redial.encryption-key:}") String key,
            @Value("${redial.encryption-previous-keys:}") String previousKeys) {
        byte[] current;
        if (key.isBlank()) {
            // Only sandbox runs get here; deploy's sandbox setup may provide a stored key instead.
            log.warn("REDIAL_ENCRYPTION_KEY is not set: CRM tokens are encrypted with a key that dies with this process");
            current = new byte[32];
            random.nextBytes(current);
        } else {
            current = decode(key);
        }
        currentKeyId = add(current);
        for (String old : previousKeys.split(",")) {
            if (!old.isBlank()) {
                add(decode(old.trim()));
            }
        }
    }

    /** {@code context} (e.g. tenant and CRM) is authenticated, so a secret cannot be moved to another row. */
    public Sealed seal(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), iv, context);
            byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(currentKeyId, ByteBuffer.allocate(IV_BYTES + encrypted.length).put(iv).put(encrypted).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    public String open(Sealed sealed, String context) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("no encryption key with id " + sealed.keyId() + " is configured");
        }
        byte[] iv = Arrays.copyOfRange(sealed.bytes(), 0, IV_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, iv, context);
            return new String(cipher.doFinal(sealed.bytes(), IV_BYTES, sealed.bytes().length - IV_BYTES),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a secret sealed with key " + sealed.keyId(), e);
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** Whether a secret sealed with {@code keyId} can be opened: the current key or one still listed as previous. */
    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] iv, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private String add(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            String id = HexFormat.of().formatHex(digest, 0, 4);
            keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
            return id;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] key = Base64.getDecoder().decode(base64.trim());
        if (key.length != 32) {
            throw new IllegalArgumentException("an encryption key must be 32 bytes, base64-encoded; got " + key.length);
        }
        return key;
    }
}
