package org.celedger.projections.eligibility;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;
import org.celedger.projections.history.EligibilitySummary;
import org.celedger.projections.history.PractitionerViewStore;

/**
 * The title-eligibility view as a list (issue "Projections"): practitioners by jurisdiction, region,
 * level, year and outcome, paged in id order.
 */
public final class EligibilityListing {

    private final PractitionerViewStore store;

    public EligibilityListing(PractitionerViewStore store) {
        this.store = store;
    }

    public record Row(String practitionerId, String name, String jurisdiction, String region,
                      EligibilitySummary decision) {
    }

    public record Page(int page, int size, long matching, List<Row> rows) {
    }

    /** Every argument but page and size may be null (no filter). */
    public Page list(String jurisdiction, String region, String level, Integer year, String outcome, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (jurisdiction != null) {
            filters.add(eq("jurisdiction", jurisdiction));
        }
        if (region != null) {
            filters.add(eq("region", region));
        }
        long[] matching = {0};
        List<Row> rows = new ArrayList<>(size);
        long skip = (long) page * size;
        store.forEach(filters.isEmpty() ? new org.bson.Document() : and(filters), view -> {
            for (EligibilitySummary s : view.eligibility()) {
                if ((level == null || level.equals(s.level())) && (year == null || year == s.year())
                        && (outcome == null || outcome.equals(s.outcome()))) {
                    if (matching[0] >= skip && rows.size() < size) {
                        rows.add(new Row(view.id(), view.name(), view.jurisdiction(), view.region(), s));
                    }
                    matching[0]++;
                }
            }
        });
        return new Page(page, size, matching[0], rows);
    }
}
