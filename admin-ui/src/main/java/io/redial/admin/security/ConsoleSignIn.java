package io.redial.admin.security;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a user in from inside the console (after they accepted an invitation), the way the login form would:
 * a fresh session id against fixation, and the security context kept in the HTTP session.
 */
@Component
public class ConsoleSignIn {

    private final UserDetailsService users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ConsoleSignIn(UserDetailsService users) {
        this.users = users;
    }

    public ConsoleUser signIn(String username) {
        ConsoleUser user = (ConsoleUser) users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request != null) {
            HttpServletRequest http = request.getHttpServletRequest();
            http.changeSessionId();
            VaadinServletResponse response = VaadinServletResponse.getCurrent();
            contexts.saveContext(context, http, response == null ? null : response.getHttpServletResponse());
        }
        return user;
    }
}
