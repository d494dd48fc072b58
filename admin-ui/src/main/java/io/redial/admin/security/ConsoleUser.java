package io.redial.admin.security;

import io.redial.tenants.AdminUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in console user as Spring Security holds it. The role becomes {@code ROLE_OWNER} and so on;
 * a platform admin (no tenant) also gets {@code ROLE_PLATFORM}.
 */
public class ConsoleUser implements UserDetails {

    public static final String OWNER = "OWNER";
    public static final String ADMIN = "ADMIN";
    public static final String OFFICE = "OFFICE";
    public static final String PLATFORM = "PLATFORM";

    private final AdminUser user;

    public ConsoleUser(AdminUser user) {
        this.user = user;
    }

    public AdminUser account() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> roles = new ArrayList<>();
        roles.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
        if (user.platformAdmin()) {
            roles.add(new SimpleGrantedAuthority("ROLE_" + PLATFORM));
        }
        return roles;
    }

    public boolean hasRole(String role) {
        return getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }

    @Override
    public String getPassword() {
        return user.passwordHash();
    }

    @Override
    public String getUsername() {
        return user.username();
    }
}
