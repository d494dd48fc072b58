package io.redial.tenants.provisioning;

import io.redial.shared.twilio.TwilioAccount;
import io.redial.tenants.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import java.io.UncheckedIOException;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * At start, loads the file named by {@code REDIAL_PROVISIONING_FILE} (every start: the file is the truth for
 * what it names); in sandbox mode (no Twilio account) it also seeds a demo tenant once, so a first run has
 * something to show. A bad file stops the start with its error.
 * It runs as an early lifecycle phase, before the web server opens, so no webhook ever meets a tenant
 * that is about to exist.
 */
@Component
class ProvisioningOnStartup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningOnStartup.class);

    private final Provisioner provisioner;
    private final Tenants tenants;
    private final TwilioAccount twilio;
    private final String file;
    private final boolean demoTenant;

    ProvisioningOnStartup(Provisioner provisioner, Tenants tenants, TwilioAccount twilio,
            @Value("${redial.provisioning-file:}") String file,
            @Value("${redial.sandbox.demo-tenant:true}") boolean demoTenant) {
        this.provisioner = provisioner;
        this.tenants = tenants;
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
                List<TenantSpec> specs = ProvisioningFile.parse(new String(demo.readAllBytes(), StandardCharsets.UTF_8));
                // Seeded once: what the person trying Redial changes in the console survives a restart.
                if (specs.stream().anyMatch(spec -> tenants.find(spec.id()).isEmpty())) {
                    applyRacingOtherNodes(specs);
                }
            }
        }
        if (!file.isBlank()) {
            log.info("loading provisioning file {}", file);
            applyRacingOtherNodes(ProvisioningFile.parse(Files.readString(Path.of(file))));
        }
    }

    /**
     * Nodes started together apply the same file at once: the slower one's insert of a new tenant or line meets
     * the other's row (a duplicate key, or a deadlock on the key's gap). It rolls back and applies again, now
     * finding the rows there: the file is applied once, however many nodes start.
     */
    private void applyRacingOtherNodes(List<TenantSpec> specs) {
        for (int attempt = 1; ; attempt++) {
            try {
                provisioner.apply(specs);
                return;
            } catch (org.springframework.dao.DuplicateKeyException
                    | org.springframework.dao.PessimisticLockingFailureException raced) {
                if (attempt == 5) {
                    throw raced;
                }
                log.info("another node is provisioning the same tenants: applying again ({})", raced.getClass().getSimpleName());
            }
        }
    }
}
