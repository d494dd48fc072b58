package io.redial.simulator;

import org.jspecify.annotations.Nullable;

/** The simulator cannot act: not in sandbox mode, a line of another tenant, or the app's own webhook failed. */
public class SimulatorUnavailable extends RuntimeException {

    public SimulatorUnavailable(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
