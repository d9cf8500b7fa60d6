package org.celedger.domain.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The draw is the documented algorithm, reproducible, and weighted. */
class InspectionSamplerTest {

    /** Twenty sessions over three bases, every third with signals. */
    static List<SampleCandidate> population() {
        List<SampleCandidate> population = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<RiskSignal> signals = i % 3 == 0 ? List.of(RiskSignal.PLAN_LATE, RiskSignal.OVER_CAPACITY)
                    : i % 3 == 1 ? List.of(RiskSignal.HOURS_EXCEED_DAYS) : List.of();
            population.add(SampleCandidate.of("base-" + (i % 3), "s-" + i, signals));
        }
        return population;
    }

    /**
     * The class javadoc's algorithm written again from the text alone, as an outsider would: BigInteger for the
     * unsigned integer, Math.log rather than StrictMath.log.
     */
    static List<String> redraw(String seed, int size, List<SampleCandidate> population) throws Exception {
        record Keyed(String name, double key) {
        }
        List<Keyed> keyed = new ArrayList<>();
        for (SampleCandidate c : population) {
            String name = c.baseId() + "/" + c.sessionId();
            byte[] h = MessageDigest.getInstance("SHA-256").digest((seed + ":" + name).getBytes(StandardCharsets.UTF_8));
            BigInteger x = new BigInteger(1, Arrays.copyOf(h, 8));
            BigInteger m = x.shiftRight(12);
            double u = m.shiftLeft(1).add(BigInteger.ONE).doubleValue() / Math.pow(2, 53);
            keyed.add(new Keyed(name, Math.log(u) / (1 + c.signals().size())));
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key).reversed().thenComparing(Keyed::name));
        return keyed.stream().limit(size).map(Keyed::name).toList();
    }

    private static List<String> names(List<SampleCandidate> drawn) {
        return drawn.stream().map(c -> c.key().toString()).toList();
    }

    @Test
    void anOutsiderReimplementingTheDocumentedAlgorithmDrawsTheSameSessions() throws Exception {
        for (String seed : List.of("2025-IM-1", "天", "seed:42", "0")) {
            for (int size : List.of(1, 5, 19)) {
                assertThat(names(InspectionSampler.draw(seed, size, population())))
                        .as("seed %s, size %d", seed, size)
                        .isEqualTo(redraw(seed, size, population()));
            }
        }
    }

    @Test
    void aKnownDrawStaysTheSameAcrossReleases() {
        // Pinned, so that a change to the algorithm cannot go unnoticed: recorded samples must stay re-drawable.
        assertThat(names(InspectionSampler.draw("2025-IM-1", 5, population())))
                .isEqualTo(PINNED);
    }

    /** The draw of the Python snippet in the sampler's javadoc, run with CPython 3 on this population. */
    static final List<String> PINNED = List.of("base-1/s-7", "base-0/s-9", "base-2/s-8", "base-2/s-14", "base-0/s-6");

    @Test
    void theSameInputDrawsTheSameSampleWhateverTheOrderOfThePopulation() {
        List<SampleCandidate> shuffled = new ArrayList<>(population());
        Collections.shuffle(shuffled, new Random(7));
        assertThat(InspectionSampler.draw("abc", 6, shuffled)).isEqualTo(InspectionSampler.draw("abc", 6, population()));
    }

    @Test
    void anotherSeedDrawsAnotherSample() {
        long distinct = IntStream.range(0, 20)
                .mapToObj(i -> names(InspectionSampler.draw("seed-" + i, 5, population())))
                .distinct().count();
        assertThat(distinct).isGreaterThan(15);
    }

    @Test
    void aSampleAsLargeAsThePopulationTakesEverySession() {
        assertThat(InspectionSampler.draw("x", 20, population())).containsExactlyInAnyOrderElementsOf(population());
        assertThat(InspectionSampler.draw("x", 500, population())).containsExactlyInAnyOrderElementsOf(population());
    }

    @Test
    void uniformNumbersLieStrictlyBetweenZeroAndOne() {
        IntStream.range(0, 1000).forEach(i -> assertThat(
                InspectionSampler.uniform("s" + i, new SessionKey("b", "s"))).isStrictlyBetween(0.0, 1.0));
    }

    @Test
    void aRiskierSessionIsDrawnMoreOften() {
        // Two sessions, weights 1 and 6: A-ES draws the heavier one first with probability 6/7 ≈ 0.857.
        var quiet = SampleCandidate.of("base-1", "quiet", List.of());
        var risky = SampleCandidate.of("base-1", "risky", List.of(RiskSignal.values()).subList(0, 5));
        assertThat(risky.weight()).isEqualTo(6);
        long riskyFirst = IntStream.range(0, 2000)
                .filter(i -> InspectionSampler.draw("seed-" + i, 1, List.of(quiet, risky)).get(0).equals(risky))
                .count();
        assertThat(riskyFirst / 2000.0).isBetween(0.82, 0.89);

        // In the population of twenty, the sessions with two signals (weight 3) are drawn more than the quiet ones.
        int[] drawn = new int[3];
        IntStream.range(0, 1000).forEach(i -> InspectionSampler.draw("seed-" + i, 4, population())
                .forEach(c -> drawn[c.weight() - 1]++));
        double perQuiet = drawn[0] / 6.0;   // 6 sessions of weight 1
        double perOne = drawn[1] / 7.0;     // 7 of weight 2
        double perTwo = drawn[2] / 7.0;     // 7 of weight 3
        assertThat(perTwo).isGreaterThan(perOne * 1.1);
        assertThat(perOne).isGreaterThan(perQuiet * 1.1);
    }
}
