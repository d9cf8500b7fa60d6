package org.celedger.projections.history;

import java.util.List;

/**
 * The read-model document of one practitioner, keyed by its id: the profile fields the listings
 * filter on, every fact in compact form, the yearly totals and the title-eligibility view.
 * Everything but the facts is derived from the facts by the rule engine, so a rebuild from the same
 * events under the same rule sets gives the same document.
 *
 * @param problem why the derived parts could not be computed (for example no rule set serves a
 *                year), or null; the facts are kept either way
 */
public record PractitionerView(String id, long lastSequence, String name, String jurisdiction, String region,
                               String sector, String titleLevel, String degree, List<StoredFact> facts,
                               List<YearSummary> years, List<EligibilitySummary> eligibility, String problem) {
}
