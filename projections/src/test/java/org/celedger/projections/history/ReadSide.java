package org.celedger.projections.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.CreditAwarded;
import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.PractitionerEvent;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.rules.RuleEngine;
import org.celedger.domain.rules.RuleSets;
import org.celedger.projections.BusinessCalendar;
import org.celedger.projections.ServingRuleSets;

/**
 * The read side as the ledger wires it, on the embedded MongoDB: the views' store, the codec, one engine, the
 * bundled rule sets, a calendar fixed at 2025-06-30 with evaluation year 2025, and the updater feeding the views.
 */
public final class ReadSide implements AutoCloseable {

    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    public final EmbeddedMongo mongo = new EmbeddedMongo();
    public final PractitionerViewStore store = new PractitionerViewStore(mongo.database());
    public final FactCodec codec = new FactCodec(JSON);
    public final RuleEngine engine = new RuleEngine();
    public final ServingRuleSets ruleSets = new ServingRuleSets(RuleSets::bundled, store::activeForReads);
    public final BusinessCalendar calendar =
            new BusinessCalendar(Clock.fixed(Instant.parse("2025-06-30T04:00:00Z"), ZoneOffset.ofHours(8)), 2025);
    public final ViewUpdater updater = new ViewUpdater(store, new ViewDerivation(codec, engine), ruleSets, calendar);

    /** An IM engineer at a public institution, INTERMEDIATE since 2015-06-01, bachelor. */
    public static PractitionerProfile profile(String region, Gender gender, int birthYear) {
        return new PractitionerProfile("张三", gender, LocalDate.of(birthYear, 1, 1), Jurisdiction.IM, region,
                Sector.PUBLIC_INSTITUTION, false, "工程", TitleLevel.INTERMEDIATE, LocalDate.of(2015, 6, 1),
                Degree.BACHELOR);
    }

    public static CreditAwarded credit(String id, String awardId, int year, Category category, String hours) {
        return new CreditAwarded(id, awardId, year, category, Activity.ONLINE_PLATFORM, new BigDecimal(hours), null,
                null, null, "人社厅", null, LocalDate.of(year, 3, 1));
    }

    /** A registration and a year's 30 public and 60 professional hours for each of {@code fullYears}. */
    public static List<PractitionerEvent> registeredWithFullYears(String id, PractitionerProfile profile,
                                                                  int... fullYears) {
        List<PractitionerEvent> events = new ArrayList<>();
        events.add(new PractitionerRegistered(id, profile));
        for (int year : fullYears) {
            events.add(credit(id, "pub-" + year, year, Category.PUBLIC, "30"));
            events.add(credit(id, "pro-" + year, year, Category.PROFESSIONAL, "60"));
        }
        return events;
    }

    /** The events as stored facts, sequence 0 up, one minute apart. */
    public List<StoredFact> stored(List<PractitionerEvent> events) {
        List<StoredFact> facts = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            facts.add(codec.encode(i, START.plusSeconds(60L * i), events.get(i)));
        }
        return facts;
    }

    /** Records {@code events} of practitioner {@code id} into every writable generation, as the projection does. */
    public void record(String id, List<PractitionerEvent> events) {
        updater.apply(Map.of(id, stored(events)));
    }

    @Override
    public void close() {
        mongo.close();
    }
}
