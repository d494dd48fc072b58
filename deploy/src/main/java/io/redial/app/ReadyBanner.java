package io.redial.app;

import io.redial.shared.twilio.TwilioAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The last start-up line: where the console is and how to sign in, so a first run needs no guessing. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final TwilioAccount twilio;
    private final Environment environment;

    ReadyBanner(TwilioAccount twilio, Environment environment) {
        this.twilio = twilio;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        log.info(message(environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")),
                twilio.sandbox()));
    }

    static String message(String port, boolean sandbox) {
        String console = "http://localhost:" + port;
        return sandbox
                ? "Redial is ready (sandbox mode): open the console at " + console
                        + " and sign in as 'admin' with the password the login page shows"
                : "Redial is ready: the console listens on port " + port
                        + "; sign in as a console user (the first is REDIAL_ADMIN_USERNAME)";
    }
}
