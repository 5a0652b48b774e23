package ru.civic.platform.poll.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down guest voting (Tomsk 2.5): a guest is a cookie anyone can throw away, so a script could vote again and
 * again under fresh ids. Counts guest votes per cookie id and per client address in a sliding window. Per instance
 * and in memory on purpose: it only has to make ballot stuffing slow; one vote per id is the database's key, and the
 * results show guest votes apart from signed-in ones.
 */
@Component
public class GuestVoteThrottle {

    private final Clock clock;
    private final int perAddress;
    private final int perGuest;
    private final Duration window;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    GuestVoteThrottle(Clock clock,
            @Value("${platform.polls.guest-votes-per-address:30}") int perAddress,
            @Value("${platform.polls.guest-votes-per-guest:10}") int perGuest,
            @Value("${platform.polls.guest-vote-window:1h}") Duration window) {
        this.clock = clock;
        this.perAddress = perAddress;
        this.perGuest = perGuest;
        this.window = window;
    }

    /** Takes one vote from both allowances, or none when either is used up. */
    public boolean tryAcquire(String tenantId, String guestKey, String address) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        if (recent.size() > 50_000) {
            recent.values().removeIf(d -> {
                synchronized (d) {
                    return d.isEmpty() || d.peekLast().isBefore(since);
                }
            });
        }
        Deque<Instant> byGuest = recent.computeIfAbsent(tenantId + "|g|" + guestKey, k -> new ArrayDeque<>());
        Deque<Instant> byAddress = address == null ? null
                : recent.computeIfAbsent(tenantId + "|a|" + address, k -> new ArrayDeque<>());
        // One lock order (guest, then address) for every caller.
        synchronized (byGuest) {
            prune(byGuest, since);
            if (byGuest.size() >= perGuest) {
                return false;
            }
            if (byAddress != null) {
                synchronized (byAddress) {
                    prune(byAddress, since);
                    if (byAddress.size() >= perAddress) {
                        return false;
                    }
                    byAddress.addLast(now);
                }
            }
            byGuest.addLast(now);
            return true;
        }
    }

    private static void prune(Deque<Instant> times, Instant since) {
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
            times.removeFirst();
        }
    }
}
