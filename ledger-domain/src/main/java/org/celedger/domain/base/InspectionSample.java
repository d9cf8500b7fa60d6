package org.celedger.domain.base;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.celedger.domain.FactChecks.*;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.celedger.domain.Streams;
import org.celedger.domain.WriteOutcome;
import org.celedger.domain.practitioner.Jurisdiction;

/**
 * One random check's sample (抽查, {@code IM-2022 五(一)}; RULES.md §8): drawn once by {@link InspectionSampler}
 * and recorded with its seed and population, so that anyone can draw it again.
 *
 * <p>Invalid requests are refused with an {@code InvalidFactException} naming the field. Its id is derived from the request ({@link #sampleId}): the same request again is a
 * {@link WriteOutcome#DUPLICATE} that answers the sample first drawn, even if the sessions or their signals
 * have changed since. A sample is a fact of the day it was drawn; to draw over a changed population, a
 * supervisor uses another seed.
 */
public class InspectionSample {

    /** Seeds appear in the sample id: letters, digits and {@code . _ : -}. */
    private static final Pattern SEED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    static final int MAX_SIZE = 1_000;
    static final int MAX_POPULATION = 200_000;

    /** The sample's stream ({@link Streams#ofSample}). */
    @AggregateIdentifier
    private String stream;
    private String sampleId;
    private InspectionSampleDrawn drawn;

    protected InspectionSample() {
        // for Axon: rebuilt from events
    }

    /** The id of the sample a request draws: {@code sample-<year>-<jurisdiction or ALL>-<size>-<seed>}. */
    public static String sampleId(int year, Jurisdiction jurisdiction, int size, String seed) {
        return "sample-" + year + "-" + (jurisdiction == null ? "ALL" : jurisdiction.name()) + "-" + size + "-" + seed;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SampleDrawResult handle(DrawInspectionSampleCommand command) {
        int year = present("year", command.year());
        that(year >= EARLIEST_YEAR && year <= today().getYear() + 1, "year",
                "year must be between " + EARLIEST_YEAR + " and next year, not " + year);
        int size = present("size", command.size());
        that(size >= 1 && size <= MAX_SIZE, "size", "size must be between 1 and " + MAX_SIZE + ", not " + size);
        String seed = present("seed", command.seed());
        that(SEED.matcher(seed).matches(), "seed", "seed must be 1 to 64 letters, digits or . _ : -");
        String expectedId = sampleId(year, command.jurisdiction(), size, seed);
        that(expectedId.equals(command.sampleId()), "sampleId",
                "sampleId must be " + expectedId + ", derived from the request");
        if (drawn != null) {
            return new SampleDrawResult(WriteOutcome.DUPLICATE, drawn);
        }

        List<SampleCandidate> population = canonical(command.population());
        var event = new InspectionSampleDrawn(expectedId, year, size, seed, command.jurisdiction(),
                InspectionSampler.ALGORITHM, population, InspectionSampler.draw(seed, size, population));
        apply(event);
        return new SampleDrawResult(WriteOutcome.ACCEPTED, event);
    }

    /**
     * The population checked and in a fixed order (by {@code baseId/sessionId}), signals sorted, so that the
     * recorded sample does not depend on the order the caller gathered it in.
     */
    private static List<SampleCandidate> canonical(List<SampleCandidate> population) {
        present("population", population);
        that(!population.isEmpty(), "population", "population has no session to draw from");
        that(population.size() <= MAX_POPULATION, "population",
                "population holds more than " + MAX_POPULATION + " sessions");
        Set<SessionKey> seen = new HashSet<>();
        for (SampleCandidate c : population) {
            present("population", c);
            id("population.baseId", c.baseId());
            id("population.sessionId", c.sessionId());
            that(c.signals() != null, "population.signals", "signals of " + c.key() + " are required");
            that(c.weight() == InspectionSampler.weightOf(c.signals()), "population.weight", "weight of " + c.key()
                    + " must be " + InspectionSampler.weightOf(c.signals()) + " (1 + its signals), not " + c.weight());
            that(seen.add(c.key()), "population", "population names " + c.key() + " twice");
        }
        return population.stream()
                .map(c -> SampleCandidate.of(c.baseId(), c.sessionId(), c.signals()))
                .sorted(Comparator.comparing(SampleCandidate::key))
                .toList();
    }

    @EventSourcingHandler
    void on(InspectionSampleDrawn event) {
        sampleId = event.sampleId();
        stream = Streams.ofSample(event.sampleId());
        drawn = event;
    }
}
