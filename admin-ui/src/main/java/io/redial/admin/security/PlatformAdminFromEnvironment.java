package io.redial.admin.security;

import io.redial.tenants.AdminRole;
import io.redial.tenants.AdminUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first user of a real deployment: with {@code REDIAL_ADMIN_USERNAME} and {@code REDIAL_ADMIN_PASSWORD}
 * set, a platform admin (no tenant: sees and picks every tenant) is created on start unless that name exists.
 * An existing user's password is never changed from here.
 */
@Component
@Order(11)
class PlatformAdminFromEnvironment implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlatformAdminFromEnvironment.class);

    private final AdminUsers users;
    private final PasswordEncoder encoder;
    private final String username;
    private final String password;

    PlatformAdminFromEnvironment(AdminUsers users, PasswordEncoder encoder,
            @Value("${redial.admin.username:}") String username, @Value("${redial.admin.password:}") String password) {
        this.users = users;
        this.encoder = encoder;
        this.username = username.trim();
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isEmpty() || password.isBlank() || users.byUsername(username).isPresent()) {
            return;
        }
        try {
            users.create(null, username, encoder.encode(password), AdminRole.OWNER);
            log.info("created the platform admin '{}' from REDIAL_ADMIN_USERNAME", username);
        } catch (DuplicateKeyException anotherNodeWasFaster) {
            log.debug("the platform admin already exists");
        }
    }
}
