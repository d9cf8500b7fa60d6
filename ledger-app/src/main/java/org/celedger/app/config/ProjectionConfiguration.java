package org.celedger.app.config;

import com.mongodb.client.MongoClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.celedger.app.axon.TokensStoredAfterProcessing;
import org.celedger.projections.RuleSetCatalog;
import org.celedger.projections.ViewDerivation;
import org.celedger.projections.eligibility.CertificationReview;
import org.celedger.projections.eligibility.EligibilityListing;
import org.celedger.projections.eligibility.WhatIf;
import org.celedger.projections.history.FactCodec;
import org.celedger.projections.history.PractitionerViewProjection;
import org.celedger.projections.history.PractitionerViewStore;
import org.celedger.projections.history.ViewUpdater;
import org.celedger.projections.rebuild.ProjectionRebuild;
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

    /** Tracking processors that store their tokens after processing (see {@link TokensStoredAfterProcessing}). */
    @Bean
    public org.axonframework.config.EventProcessingModule eventProcessingModule() {
        return new TokensStoredAfterProcessing();
    }

    /** Business dates are China's, whatever the server's time zone. */
    @Bean
    public Clock businessClock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }

    @Bean
    public FactCodec factCodec(@Qualifier("eventSerializer") Serializer eventSerializer) {
        return new FactCodec(((JacksonSerializer) eventSerializer).getObjectMapper());
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

    @Bean
    public ViewUpdater viewUpdater(PractitionerViewStore store, FactCodec codec, RuleSetCatalog catalog,
                                   Clock businessClock, @Value("${ledger.evaluation-year:0}") int evaluationYear) {
        return new ViewUpdater(store, new ViewDerivation(codec), catalog::load, businessClock, evaluationYear);
    }

    @Bean
    public PractitionerViewProjection practitionerViewProjection(ViewUpdater updater, FactCodec codec) {
        return new PractitionerViewProjection(updater, codec);
    }

    @Bean
    public ProjectionRebuild projectionRebuild(EventStore events, ViewUpdater updater, FactCodec codec,
                                               RuleSetCatalog catalog) {
        return new ProjectionRebuild(events, updater, codec, catalog::load, Clock.systemUTC());
    }

    @Bean
    public WhatIf whatIf(PractitionerViewStore store, FactCodec codec) {
        return new WhatIf(store, codec);
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
                                       @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new BaseViewStore(client.getDatabase(database), ((JacksonSerializer) eventSerializer).getObjectMapper());
    }

    @Bean
    public BaseViewProjection baseViewProjection(BaseViewStore store) {
        return new BaseViewProjection(store);
    }

    /** Risk signals use the rule sets the active read model was derived with, like every other read. */
    @Bean
    public Supervision supervision(BaseViewStore store, ViewUpdater updater, PractitionerViewStore views) {
        return new Supervision(store, () -> updater.ruleSets(views.activeForReads()));
    }

    @Bean
    public RosterCreditsProcess rosterCreditsProcess(CommandGateway commands) {
        return new RosterCreditsProcess(commands);
    }

    @Bean
    public CertificationReview certificationReview() {
        return new CertificationReview();
    }
}
