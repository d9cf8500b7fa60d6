package org.celedger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The ledger does not start with a LEDGER_ADMIN_KEY shorter than 16 characters, and says why. */
class AdminKeyTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(JdbcTemplate.class, () -> new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:admin-key")))
            .withBean(ApiKeyStore.class);

    @Test
    void aShortAdminKeyStopsTheStartNamingTheVariable() {
        context.withPropertyValues("LEDGER_ADMIN_KEY=change-me").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .hasMessageContaining("LEDGER_ADMIN_KEY must be at least 16 characters long (it has 9)");
        });
        context.withPropertyValues("LEDGER_ADMIN_KEY=fifteen-chars-x").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void aLongEnoughKeyOrNoneStarts() {
        context.withPropertyValues("LEDGER_ADMIN_KEY=sixteen-chars-xx").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(ApiKeyStore.class).find("sixteen-chars-xx")).isPresent();
        });
        context.run(started -> assertThat(started).hasNotFailed());
    }
}
