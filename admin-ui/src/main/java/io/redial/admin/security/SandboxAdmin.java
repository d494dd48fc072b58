package io.redial.admin.security;

import io.redial.shared.TenantId;
import io.redial.shared.twilio.TwilioAccount;
import io.redial.tenants.AdminRole;
import io.redial.tenants.AdminUsers;
import io.redial.tenants.Tenants;
import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * First run in sandbox mode (no Twilio account): the demo contractor gets an owner {@code admin} with a
 * generated password, printed once in the log and shown on the login page, in sandbox mode only. With a
 * Twilio account nothing is created and nothing is shown.
 */
@Component
@Order(10) // after the demo tenant is provisioned
public class SandboxAdmin implements ApplicationRunner {

    public static final String USERNAME = "admin";
    static final TenantId DEMO_TENANT = new TenantId("demo-hvac");
    private static final Logger log = LoggerFactory.getLogger(SandboxAdmin.class);
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // nothing to misread

    private final TwilioAccount twilio;
    private final Tenants tenants;
    private final AdminUsers users;
    private final PasswordEncoder encoder;

    SandboxAdmin(TwilioAccount twilio, Tenants tenants, AdminUsers users, PasswordEncoder encoder) {
        this.twilio = twilio;
        this.tenants = tenants;
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!twilio.sandbox() || tenants.find(DEMO_TENANT).isEmpty() || users.byUsername(USERNAME).isPresent()) {
            return;
        }
        String password = generated();
        try {
            users.create(DEMO_TENANT, USERNAME, encoder.encode(password), AdminRole.OWNER);
            users.rememberSandboxPassword(USERNAME, password);
            log.info("sandbox mode: sign in to the console as '{}' with password '{}' (the login page shows it too)",
                    USERNAME, password);
        } catch (DuplicateKeyException anotherNodeWasFaster) {
            log.debug("the sandbox admin already exists");
        }
    }

    /** What the login page may say about signing in; empty outside sandbox mode. */
    public Optional<String> hint() {
        return twilio.sandbox() ? users.sandboxPassword(USERNAME)
                .map(pw -> "Sandbox: sign in as " + USERNAME + " with password " + pw) : Optional.empty();
    }

    private static String generated() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            out.append(i == 4 || i == 9 ? '-' : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
