package org.celedger.projections.yearly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.projections.history.ReadSide.profile;
import static org.celedger.projections.history.ReadSide.registeredWithFullYears;

import java.math.BigDecimal;
import java.util.ArrayList;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.Gender;
import org.celedger.projections.history.ReadSide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per jurisdiction, region and credit year: practitioners with hours, their hours and the share meeting the minimums. */
class StatisticsTest {

    private final ReadSide readSide = new ReadSide();
    private final Statistics statistics = new Statistics(readSide.store);

    @BeforeEach
    void threePractitioners() {
        // 包头市: one meets 2024's minimums, one has 10 public hours only; 乌海市: one meets 2023's and 2024's
        readSide.record("p-1", registeredWithFullYears("p-1", profile("包头市", Gender.MALE, 1980), 2024));
        var partial = new ArrayList<>(registeredWithFullYears("p-2", profile("包头市", Gender.FEMALE, 1990)));
        partial.add(ReadSide.credit("p-2", "a-1", 2024, Category.PUBLIC, "10"));
        readSide.record("p-2", partial);
        readSide.record("p-3", registeredWithFullYears("p-3", profile("乌海市", Gender.MALE, 1975), 2023, 2024));
    }

    @AfterEach
    void close() {
        readSide.close();
    }

    @Test
    void eachRegionAndYearIsSummedOverItsPractitioners() {
        assertThat(statistics.compute(null, null, null)).containsExactly(
                new Statistics.Row("IM", "乌海市", 2023, 1, new BigDecimal("30.0"), new BigDecimal("60.0"), 1,
                        new BigDecimal("1.0000")),
                new Statistics.Row("IM", "乌海市", 2024, 1, new BigDecimal("30.0"), new BigDecimal("60.0"), 1,
                        new BigDecimal("1.0000")),
                new Statistics.Row("IM", "包头市", 2024, 2, new BigDecimal("40.0"), new BigDecimal("60.0"), 1,
                        new BigDecimal("0.5000")));
    }

    @Test
    void aRegionAndAYearNarrowTheRows() {
        assertThat(statistics.compute("IM", "包头市", 2024)).containsExactly(
                new Statistics.Row("IM", "包头市", 2024, 2, new BigDecimal("40.0"), new BigDecimal("60.0"), 1,
                        new BigDecimal("0.5000")));
        assertThat(statistics.compute(null, null, 2023)).extracting(Statistics.Row::region).containsExactly("乌海市");
        assertThat(statistics.compute("NX", null, null)).isEmpty();
    }
}
