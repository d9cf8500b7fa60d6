package org.celedger.projections.yearly;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.celedger.projections.history.PractitionerViewStore;
import org.celedger.projections.history.YearSummary;

/**
 * Statistics for supervisors (IM-MEASURES-2017 第二十八条): per jurisdiction, region and credit year,
 * the number of practitioners with hours that year, their hours by category and the share meeting
 * the yearly minimums (RULES.md §5, last paragraph).
 */
public final class Statistics {

    private final PractitionerViewStore store;

    public Statistics(PractitionerViewStore store) {
        this.store = store;
    }

    public record Row(String jurisdiction, String region, int year, long practitioners, BigDecimal publicHours,
                      BigDecimal professionalHours, long meetingMinimums, BigDecimal shareMeetingMinimums) {
    }

    private static final class Sum {
        long practitioners;
        long met;
        BigDecimal publicHours = BigDecimal.ZERO;
        BigDecimal professionalHours = BigDecimal.ZERO;
    }

    /** Every argument may be null (no filter). Years are grouped by the practitioner's current jurisdiction and region. */
    public List<Row> compute(String jurisdiction, String region, Integer year) {
        List<Bson> filters = new ArrayList<>();
        if (jurisdiction != null) {
            filters.add(eq("jurisdiction", jurisdiction));
        }
        if (region != null) {
            filters.add(eq("region", region));
        }
        Map<String, Sum> sums = new TreeMap<>();
        Map<String, Object[]> keys = new TreeMap<>();
        store.forEach(filters.isEmpty() ? new Document() : and(filters), view -> {
            for (YearSummary y : view.years()) {
                if ((year != null && y.year() != year) || y.publicHours() == null) {
                    continue;
                }
                String key = view.jurisdiction() + "|" + view.region() + "|" + y.year();
                keys.putIfAbsent(key, new Object[]{view.jurisdiction(), view.region(), y.year()});
                Sum s = sums.computeIfAbsent(key, k -> new Sum());
                s.practitioners++;
                s.publicHours = s.publicHours.add(y.publicHours());
                s.professionalHours = s.professionalHours.add(y.professionalHours());
                if ("MET".equals(y.status())) {
                    s.met++;
                }
            }
        });
        List<Row> rows = new ArrayList<>();
        sums.forEach((key, s) -> {
            Object[] k = keys.get(key);
            rows.add(new Row((String) k[0], (String) k[1], (Integer) k[2], s.practitioners, s.publicHours,
                    s.professionalHours, s.met,
                    BigDecimal.valueOf(s.met).divide(BigDecimal.valueOf(s.practitioners), 4, RoundingMode.HALF_UP)));
        });
        return rows;
    }
}
