package org.celedger.app.config;

import com.mongodb.client.MongoClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.celedger.domain.rules.RuleEngine;
import org.celedger.projections.BusinessCalendar;
import org.celedger.projections.RuleSetCatalog;
import org.celedger.projections.ServingRuleSets;
import org.celedger.projections.eligibility.CertificationReview;
import org.celedger.projections.eligibility.EligibilityListing;
import org.celedger.projections.eligibility.WhatIf;
import org.celedger.projections.history.FactCodec;
import org.celedger.projections.history.PractitionerViewProjection;
import org.celedger.projections.history.PractitionerViewStore;
import org.celedger.projections.history.ViewDerivation;
import org.celedger.projections.history.ViewUpdater;
import org.celedger.projections.rebuild.ProjectionRebuild;
import org.celedger.projections.rebuild.StreamEnds;
import org.celedger.projections.supervision.BaseViewProjection;
import org.celedger.projections.supervision.BaseViewStore;
import org.celedger.projections.supervision.RosterCreditsProcess;
import org.celedger.projections.supervision.Supervision;
import org.celedger.projections.yearly.Statistics;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read side: the practitioner views in MongoDB, fed by a tracking processor, and the services
 * that read them (what-if, listings, statistics, rebuilds). {@code ledger.rule-sets.dir} names an
 * operator's directory of rule-set files added to the bundled ones; {@code ledger.evaluation-year}
 * fixes the year of the title-eligibility view (default: the current year in China).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    /** Business dates are China's, whatever the server's time zone. */
    @Bean
    public Clock businessClock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }

    @Bean
    public FactCodec factCodec(@Qualifier("jsonEventSerializer") JacksonSerializer eventSerializer) {
        return new FactCodec(eventSerializer.getObjectMapper());
    }

    @Bean
    public RuleSetCatalog ruleSetCatalog(@Value("${ledger.rule-sets.dir:}") String directory) {
        return new RuleSetCatalog(directory.isBlank() ? null : Path.of(directory));
    }

    @Bean
    public PractitionerViewStore practitionerViewStore(MongoClient client,
                                                      @Value("${ledger.read-store.database:ledger}") String database) {
        return new PractitionerViewStore(client.getDatabase(database));
    }

    /** The rule engine is a pure function: one instance serves every reader. */
    @Bean
    public RuleEngine ruleEngine() {
        return new RuleEngine();
    }

    /** Which rule sets serve each generation of the views; reads use those of the generation served. */
    @Bean
    public ServingRuleSets servingRuleSets(RuleSetCatalog catalog, PractitionerViewStore views) {
        return new ServingRuleSets(catalog::load, views::activeForReads);
    }

    @Bean
    public BusinessCalendar businessCalendar(Clock businessClock,
                                             @Value("${ledger.evaluation-year:0}") int evaluationYear) {
        return new BusinessCalendar(businessClock, evaluationYear);
    }

    @Bean
    public ViewUpdater viewUpdater(PractitionerViewStore store, FactCodec codec, RuleEngine engine,
                                   ServingRuleSets ruleSets, BusinessCalendar calendar) {
        return new ViewUpdater(store, new ViewDerivation(codec, engine), ruleSets, calendar);
    }

    @Bean
    public PractitionerViewProjection practitionerViewProjection(ViewUpdater updater, FactCodec codec) {
        return new PractitionerViewProjection(updater, codec);
    }

    @Bean
    public ProjectionRebuild projectionRebuild(EventStore events, StreamEnds ends, ViewUpdater updater,
                                               FactCodec codec, ServingRuleSets ruleSets) {
        return new ProjectionRebuild(events, ends, updater, codec, ruleSets, Clock.systemUTC());
    }

    @Bean
    public WhatIf whatIf(PractitionerViewStore store, FactCodec codec, RuleEngine engine) {
        return new WhatIf(store, codec, engine);
    }

    @Bean
    public EligibilityListing eligibilityListing(PractitionerViewStore store) {
        return new EligibilityListing(store);
    }

    @Bean
    public Statistics statistics(PractitionerViewStore store) {
        return new Statistics(store);
    }

    @Bean
    public BaseViewStore baseViewStore(MongoClient client, @Value("${ledger.read-store.database:ledger}") String database,
                                       @Qualifier("jsonEventSerializer") JacksonSerializer eventSerializer) {
        return new BaseViewStore(client.getDatabase(database), eventSerializer.getObjectMapper());
    }

    @Bean
    public BaseViewProjection baseViewProjection(BaseViewStore store) {
        return new BaseViewProjection(store);
    }

    /** Risk signals use the rule sets the active read model was derived with, like every other read. */
    @Bean
    public Supervision supervision(BaseViewStore store, ServingRuleSets ruleSets) {
        return new Supervision(store, ruleSets::forReads);
    }

    @Bean
    public RosterCreditsProcess rosterCreditsProcess(CommandGateway commands) {
        return new RosterCreditsProcess(commands);
    }

    @Bean
    public CertificationReview certificationReview(RuleEngine engine) {
        return new CertificationReview(engine);
    }
}
