package io.redial.admin.security;

import io.redial.tenants.AdminUser;
import java.util.Map;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A console user who signed in through the OpenID Connect provider: the same roles and tenant as by password. */
final class OidcConsoleUser extends ConsoleUser implements OidcUser {

    private final OidcUser signedIn;

    OidcConsoleUser(AdminUser user, OidcUser signedIn) {
        super(user);
        this.signedIn = signedIn;
    }

    @Override
    public Map<String, Object> getClaims() {
        return signedIn.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return signedIn.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return signedIn.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return signedIn.getAttributes();
    }

    @Override
    public String getName() {
        return getUsername();
    }
}
