package io.redial.admin.security;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only probe behind the console's security: who the session is signed in as, as TenantScope would see it. */
@RestController
class WhoAmI {

    @GetMapping("/test-only/whoami")
    String whoAmI(Authentication authentication) {
        ConsoleUser user = (ConsoleUser) authentication.getPrincipal();
        return user.getUsername() + " " + user.account().role() + " " + user.account().tenant();
    }
}
