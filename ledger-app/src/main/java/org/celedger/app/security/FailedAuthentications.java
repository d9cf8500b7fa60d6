package org.celedger.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wrong API keys counted per client address, in windows of a fixed length: past {@code limit} failures in a
 * window, the address's further wrong keys are answered 429 until the window ends. Only wrong keys are
 * counted and refused, so a right key from the same address still works: integrators behind one NAT (or
 * behind the deployment's proxy, where every client has the proxy's address) are not locked out by
 * another caller's typos, while guessing keys from one address gets {@code limit} tries a window.
 *
 * <p>At most {@code maxAddresses} addresses are remembered, the least recently failed forgotten first,
 * so a flood of addresses costs bounded memory.
 */
public final class FailedAuthentications {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Failures> byAddress;

    public FailedAuthentications(int limit, Duration window, int maxAddresses, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.byAddress = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    private static final class Failures {
        Instant windowStart;
        int count;
    }

    /**
     * Counts a wrong key from {@code address}; answers 0 while the address is within its limit, else the
     * whole seconds until its window ends (for {@code Retry-After}).
     */
    public synchronized long failed(String address) {
        Instant now = clock.instant();
        Failures f = byAddress.computeIfAbsent(address, a -> new Failures());
        if (f.windowStart == null || !now.isBefore(f.windowStart.plus(window))) {
            f.windowStart = now;
            f.count = 0;
        }
        if (f.count < limit) {
            f.count++;
            return 0;
        }
        long millis = Duration.between(now, f.windowStart.plus(window)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    synchronized int remembered() {
        return byAddress.size();
    }
}
