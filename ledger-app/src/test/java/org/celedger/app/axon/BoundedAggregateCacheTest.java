package org.celedger.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

/** Practitioners stay cached until the bound, the least recently used leaving first, whatever the collector does. */
class BoundedAggregateCacheTest {

    @Test
    void theLeastRecentlyUsedLeavesPastTheBound() {
        BoundedAggregateCache cache = new BoundedAggregateCache(3);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("p-1", "one");
        cache.put("p-2", "two");
        cache.put("p-3", "three");
        assertThat((String) cache.get("p-1")).isEqualTo("one"); // p-2 is now the least recently used
        cache.put("p-4", "four");

        assertThat(expired).containsExactly("p-2");
        assertThat(cache.containsKey("p-2")).isFalse();
        assertThat(cache.size()).isEqualTo(3);
        assertThat((String) cache.get("p-1")).isEqualTo("one");
    }

    @Test
    void entriesSurviveGarbageCollection() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        cache.put("p-1", new StringBuilder("state"));
        System.gc();
        assertThat((Object) cache.get("p-1")).hasToString("state");
        assertThat(cache.putIfAbsent("p-1", "other")).isFalse();
        assertThat(cache.remove("p-1")).isTrue();
        assertThat(cache.putIfAbsent("p-1", "other")).isTrue();
        assertThat(cache.<String>computeIfAbsent("p-2", () -> "made")).isEqualTo("made");
        cache.<String>computeIfPresent("p-2", v -> v + " again");
        assertThat((String) cache.get("p-2")).isEqualTo("made again");
    }
}
