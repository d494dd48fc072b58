package io.redial.admin.security;

import io.redial.tenants.AdminUser;
import io.redial.tenants.AdminUsers;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Matches a person the OpenID Connect provider vouches for to an existing console user by their verified email.
 * Nobody is created here: an address without a console user (or an unverified one) is refused.
 */
class OidcConsoleUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String REFUSED = "oidc_user_refused";

    private final OidcUserService provider = new OidcUserService();
    private final AdminUsers users;

    OidcConsoleUsers(AdminUsers users) {
        this.users = users;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        String email = signedIn.getEmail();
        if (email == null || email.isBlank()) {
            throw refused("The provider did not share an email address, so no console user could be matched.");
        }
        if (!Boolean.TRUE.equals(signedIn.getEmailVerified())) {
            throw refused("The provider has not verified " + email + ", so it cannot sign in to the console.");
        }
        AdminUser user = matching(email).orElseThrow(() -> refused("No console user has the address " + email
                + ". Ask an owner of your business to invite it."));
        return new OidcConsoleUser(user, signedIn);
    }

    private Optional<AdminUser> matching(String email) {
        return users.byUsername(email.trim().toLowerCase(Locale.ROOT)).or(() -> users.byUsername(email.trim()));
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(REFUSED, why, null), why);
    }
}
