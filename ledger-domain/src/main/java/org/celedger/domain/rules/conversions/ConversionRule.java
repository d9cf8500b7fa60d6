package org.celedger.domain.rules.conversions;

import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.ConversionKind;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.model.Minimums;

/**
 * One conversion kind of RULES.md §4.2 as one rule set values it. Each kind owns its behaviour here,
 * and {@link Conversions} finds the kind of a fact by the {@link ConversionKind} the fact carries (an
 * {@code EnumMap}), never by testing its class: the facts are domain events that must not know how a
 * rule set values them (RULES.md §1 "facts are events, interpretations are projections"), and Java 17
 * has no pattern-matching switch, so a registry keyed by the kind the fact already states is the
 * shortest dispatch that a new kind cannot be left out of (the map is checked complete when read).
 */
interface ConversionRule {

    /** The facts this rule values. */
    ConversionKind kind();

    /** The event type an item of this conversion names (API.md {@code eventType}). */
    String eventType();

    /** The clause an item of this conversion cites when it counts nothing (revoked, after the as-of date). */
    String itemCitation();

    /** The category an item of this conversion is listed in. */
    Category itemCategory();

    /** Whether this rule set values the fact in no credit year, only once in a window (NX-2022 一(三)2). */
    default boolean inNoYear() {
        return false;
    }

    /** Values a fact of this kind, in force and dated by the as-of date, into the credit year of its date. */
    void valueInYear(RecordedFact fact, CreditYear year, String ruleSetId, Minimums yearlyMinimums);
}
