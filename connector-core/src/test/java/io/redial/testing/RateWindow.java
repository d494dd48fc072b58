package io.redial.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A rolling rate window as the fake CRMs count their limits: a request is let in while fewer than {@code max}
 * were let in during the last {@code length}; a refused one does not count, as the APIs do not count a 429.
 */
public final class RateWindow {

    private final long lengthNanos;
    private final Deque<Long> admitted = new ArrayDeque<>();

    public RateWindow(Duration length) {
        this.lengthNanos = length.toNanos();
    }

    /** Counts the request when it fits, and says whether it did. */
    public synchronized boolean admit(int max) {
        long now = System.nanoTime();
        while (!admitted.isEmpty() && now - admitted.peekFirst() >= lengthNanos) {
            admitted.pollFirst();
        }
        if (admitted.size() >= max) {
            return false;
        }
        admitted.addLast(now);
        return true;
    }

    public synchronized void clear() {
        admitted.clear();
    }
}
