package ru.civic.platform.notification.internal;

import java.time.Duration;

/**
 * When a failed e-mail is tried again: 5 s after the first failure, doubling up to an hour, and no more after
 * {@code maxAttempts} (the row is then dead: kept, never sent). With the defaults a mail server may be away for about
 * two days before anything is given up.
 */
record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {

    static RetryPolicy of(int maxAttempts) {
        return new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(1), maxAttempts);
    }

    RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("platform.mail.max-attempts must be at least 1");
        }
    }

    /** The wait after the given number of failed attempts (1 for the first failure). */
    Duration delayAfter(int attempts) {
        // Past 2^20 times the first delay every sane maximum has long been reached; stop before the shift overflows.
        int doublings = Math.clamp(attempts - 1, 0, 20);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }
}
