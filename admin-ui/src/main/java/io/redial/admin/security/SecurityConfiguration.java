package io.redial.admin.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.redial.tenants.AdminUsers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Two filter chains. CRM callbacks ({@code /crm/{crm}/…}) prove themselves with their own signatures and
 * state, so they pass without a session or CSRF token; Twilio's webhooks, signed too, skip the filters
 * entirely; everything else is the console, where Vaadin's navigation access control sends strangers to the
 * login view.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** The CRM endpoints only: {@code /crm} itself is the console's CRM screen, behind sign-in. */
    static final String[] CALLBACKS = {"/crm/*/install", "/crm/*/oauth/callback", "/crm/*/webhooks"};

    /**
     * Twilio's webhooks skip Spring Security altogether: each is checked against its own signature before
     * anything is read or stored, they carry no session or cookie, and they are the app's hottest path (every
     * filter here ran for every call of the load harness). The console's chain never sees them. Nor do the
     * probes and metrics, which the app serves only on its management port (never exposed by the Service).
     */
    @Bean
    WebSecurityCustomizer carrierWebhooksBypassSecurity() {
        return web -> web.ignoring().requestMatchers("/twilio/**", "/actuator/**");
    }

    @Bean
    @Order(1)
    SecurityFilterChain callbacks(HttpSecurity http) throws Exception {
        return http.securityMatcher(CALLBACKS)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc, AdminUsers users)
            throws Exception {
        // Error pages carry no tenant data; without this, a callback's 404 would turn into a login redirect.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/error").permitAll());
        if (oidc.getIfAvailable() != null) {
            // A refusal goes back to the login page, which shows why (the handler keeps the reason in the session).
            http.oauth2Login(login -> login.loginPage("/login")
                    .userInfoEndpoint(info -> info.oidcUserService(new OidcConsoleUsers(users)))
                    .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?" + LoginView.OIDC_REFUSED)));
        }
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    /** BCrypt today, and old hashes keep working if the default ever changes ({@code {bcrypt}…} prefixes). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService consoleUsers(AdminUsers users) {
        return username -> users.byUsername(username).map(ConsoleUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("no console user by that name"));
    }
}
