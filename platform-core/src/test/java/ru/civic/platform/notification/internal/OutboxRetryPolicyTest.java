package ru.civic.platform.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Retry delays: 5 s doubling up to an hour; dead after the configured number of attempts. */
class OutboxRetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.of(50);

    @Test
    void doublesFromFiveSecondsUpToAnHour() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delayAfter(10)).isEqualTo(Duration.ofSeconds(5 * 512));
        assertThat(policy.delayAfter(11)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.delayAfter(49)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void givesUpAtTheMaximumNumberOfAttempts() {
        assertThat(policy.givesUpAfter(49)).isFalse();
        assertThat(policy.givesUpAfter(50)).isTrue();
        assertThat(RetryPolicy.of(1).givesUpAfter(1)).isTrue();
        assertThatThrownBy(() -> RetryPolicy.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
