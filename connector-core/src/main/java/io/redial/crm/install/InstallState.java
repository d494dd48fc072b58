package io.redial.crm.install;

import io.redial.crm.CrmId;
import io.redial.crm.sync.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The OAuth {@code state}: which CRM and until when, sealed with AES-GCM so nobody can forge one or
 * swap its CRM, and no table row is needed before a tenant exists.
 */
@Component
class InstallState {

    private static final Duration VALID_FOR = Duration.ofMinutes(15);
    private static final String CONTEXT = "crm-install-state";

    private final SecretCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    InstallState(SecretCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    String issue(CrmId crm) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String plain = crm.value() + "|" + clock.instant().plus(VALID_FOR).getEpochSecond() + "|" + HexFormat.of().formatHex(nonce);
        SecretCipher.Sealed sealed = cipher.seal(plain, CONTEXT);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(sealed.keyId().getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(sealed.bytes());
    }

    /** True when {@code state} is one we issued for this CRM and it has not expired. */
    boolean valid(String state, CrmId crm) {
        return open(state).filter(parts -> parts[0].equals(crm.value())
                && Instant.ofEpochSecond(Long.parseLong(parts[1])).isAfter(clock.instant())).isPresent();
    }

    private Optional<String[]> open(String state) {
        try {
            String[] halves = state.split("\\.");
            Base64.Decoder b64 = Base64.getUrlDecoder();
            String keyId = new String(b64.decode(halves[0]), StandardCharsets.UTF_8);
            return Optional.of(cipher.open(new SecretCipher.Sealed(keyId, b64.decode(halves[1])), CONTEXT).split("\\|"));
        } catch (RuntimeException forgedOrGarbled) {
            return Optional.empty();
        }
    }
}
