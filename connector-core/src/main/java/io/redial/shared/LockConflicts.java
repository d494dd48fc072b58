package io.redial.shared;

import java.util.function.Supplier;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Retries a whole transaction that lost a deadlock or a lock wait. Only for idempotent work: every caller
 * here is keyed by a carrier id, so running it again cannot record anything twice.
 */
public final class LockConflicts {

    private static final int ATTEMPTS = 4;

    private LockConflicts() {
    }

    public static <T> T retry(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(5L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
