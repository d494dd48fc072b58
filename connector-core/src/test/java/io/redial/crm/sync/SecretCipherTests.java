package io.redial.crm.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** AES-GCM sealing of tokens: round trip, bound to its row, tamper-evident, rotatable. */
class SecretCipherTests {

    static final String KEY_A = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String KEY_B = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    @Test
    void opensWhatItSealedAndNeverStoresThePlaintext() {
        var cipher = new SecretCipher(KEY_A, "");
        var sealed = cipher.seal("access-token-123", "crm_connections:t:acme");

        assertThat(new String(sealed.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("access-token-123");
        assertThat(cipher.open(sealed, "crm_connections:t:acme")).isEqualTo("access-token-123");
    }

    @Test
    void aSecretMovedToAnotherRowOrAlteredDoesNotOpen() {
        var cipher = new SecretCipher(KEY_A, "");
        var sealed = cipher.seal("access-token-123", "crm_connections:t:acme");
        byte[] altered = sealed.bytes().clone();
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open(sealed, "crm_connections:other:acme")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(new SecretCipher.Sealed(sealed.keyId(), altered), "crm_connections:t:acme"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void secretsSealedWithThePreviousKeyStillOpenAfterRotation() {
        var before = new SecretCipher(KEY_A, "");
        var sealed = before.seal("refresh-token", "ctx");
        var after = new SecretCipher(KEY_B, KEY_A);

        assertThat(after.currentKeyId()).isNotEqualTo(sealed.keyId());
        assertThat(after.open(sealed, "ctx")).isEqualTo("refresh-token");
        assertThat(after.seal("x", "ctx").keyId()).isEqualTo(after.currentKeyId());
    }
}
