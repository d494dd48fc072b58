package io.redial.tenants.provisioning;

import io.redial.shared.twilio.TwilioAccount;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import java.io.UncheckedIOException;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * At start, loads the file named by {@code REDIAL_PROVISIONING_FILE}; in sandbox mode (no Twilio account)
 * also a demo tenant, so a first run has something to show. A bad file stops the start with its error.
 * It runs as an early lifecycle phase, before the web server opens, so no webhook ever meets a tenant
 * that is about to exist.
 */
@Component
class ProvisioningOnStartup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningOnStartup.class);

    private final Provisioner provisioner;
    private final TwilioAccount twilio;
    private final String file;
    private final boolean demoTenant;

    ProvisioningOnStartup(Provisioner provisioner, TwilioAccount twilio,
            @Value("${redial.provisioning-file:}") String file,
            @Value("${redial.sandbox.demo-tenant:true}") boolean demoTenant) {
        this.provisioner = provisioner;
        this.twilio = twilio;
        this.file = file;
        this.demoTenant = demoTenant;
    }

    private volatile boolean running;

    @Override
    public void start() {
        try {
            provision();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the provisioning file " + file, e);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (which starts late, near {@code DEFAULT_PHASE}). */
    @Override
    public int getPhase() {
        return 0;
    }

    private void provision() throws IOException {
        if (twilio.sandbox() && demoTenant) {
            try (InputStream demo = getClass().getResourceAsStream("demo-tenant.yml")) {
                provisioner.apply(ProvisioningFile.parse(new String(demo.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        if (!file.isBlank()) {
            log.info("loading provisioning file {}", file);
            provisioner.apply(ProvisioningFile.parse(Files.readString(Path.of(file))));
        }
    }
}
