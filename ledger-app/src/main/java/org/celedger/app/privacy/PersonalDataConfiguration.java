package org.celedger.app.privacy;

import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.celedger.app.config.LedgerProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sealed personal data (API.md "Personal data"): the master key file, each practitioner's key, the events'
 * serializer that seals and opens, the ID-number index, and the sealing of a store written before, run before
 * the ledger reads anything.
 */
@Configuration(proxyBeanMethods = false)
public class PersonalDataConfiguration {

    /** The key file: {@code ledger.personal-data.key-file}, by default {@code personal-data.key} in the data directory. */
    @Bean
    public MasterKeys masterKeys(LedgerProperties properties, DataSource dataSource,
                                 @Value("${ledger.personal-data.key-file:}") String keyFile) {
        // The data source made the data directory (0700) when the store is embedded; the file goes in it.
        Path file = keyFile.isBlank() ? properties.dataDir().resolve("personal-data.key") : Path.of(keyFile);
        return MasterKeys.openOrCreate(file);
    }

    @Bean
    public PersonalDataKeys personalDataKeys(DataSource dataSource, MasterKeys master,
                                             @Value("${ledger.personal-data.key-cache-seconds:60}") long cacheSeconds) {
        return new PersonalDataKeys(dataSource, master, Duration.ofSeconds(cacheSeconds));
    }

    @Bean
    public IdNumberIndex idNumberIndex(DataSource dataSource, MasterKeys master) {
        return new IdNumberIndex(dataSource, master);
    }

    @Bean
    @Qualifier("eventSerializer")
    public PersonalDataSerializer eventSerializer(@Qualifier("jsonEventSerializer") JacksonSerializer json,
                                                  PersonalDataKeys keys) {
        return new PersonalDataSerializer(json, json.getObjectMapper(), keys);
    }

    /** Run as the context starts, before the processors and the web server: nothing reads a plain field first. */
    @Bean
    public PersonalDataSealing personalDataSealing(DataSource dataSource, PlatformTransactionManager transactions,
                                                   @Qualifier("eventSerializer") PersonalDataSerializer serializer,
                                                   @Qualifier("jsonEventSerializer") JacksonSerializer json,
                                                   IdNumberIndex index, PersonalDataKeys keys) {
        PersonalDataSealing sealing = new PersonalDataSealing(dataSource, new TransactionTemplate(transactions),
                serializer, index, json.getObjectMapper());
        keys.preload();
        sealing.run();
        return sealing;
    }

    /** Errors of the personal-data tables refuse the write that caused them. */
    @Bean
    public ConfigurerModule personalDataErrors() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(PersonalDataFacts.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
