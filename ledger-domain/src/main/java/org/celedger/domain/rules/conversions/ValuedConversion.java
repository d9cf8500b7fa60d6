package org.celedger.domain.rules.conversions;

import static org.celedger.domain.rules.ParamType.enumOf;

import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.ConversionKind;
import org.celedger.domain.practitioner.ConversionRecorded;
import org.celedger.domain.rules.Contribution;
import org.celedger.domain.rules.ParamType;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;

import java.math.BigDecimal;

/**
 * What every conversion kind has alike: the facts it values ({@code kind}, {@code eventType}), the one key
 * that says how it values them (an {@code effect}, or a rate) and whose clause its items cite, and the
 * {@code category} its items are listed in, read in that order. How each kind values a fact stays in its
 * class ({@link QualificationExam}, {@link TitleExam}, {@link RateConversion}, {@link DegreeConversion}),
 * with the clauses that state it; this only builds their items alike.
 *
 * @param <V> the type of the valuing key
 */
abstract class ValuedConversion<V> implements ConversionRule {

    private final ConversionKind kind;
    private final String eventType;
    private final Cited<V> valuing;
    private final Cited<Category> category;

    /** Reads the valuing key, then {@code category}; the subclass reads its other keys and ends the node. */
    ValuedConversion(RuleSetNode node, String valuingKey, ParamType<V> valuingType, ConversionKind kind, String eventType) {
        this.kind = kind;
        this.eventType = eventType;
        this.valuing = node.param(valuingKey, valuingType);
        this.category = node.param("category", enumOf(Category.class));
    }

    /** The key that says how the kind is valued; its clause is the one the items cite. */
    final Cited<V> valuing() {
        return valuing;
    }

    public Cited<Category> category() {
        return category;
    }

    @Override
    public ConversionKind kind() {
        return kind;
    }

    @Override
    public String eventType() {
        return eventType;
    }

    @Override
    public String itemCitation() {
        return valuing.cite();
    }

    @Override
    public Category itemCategory() {
        return category.value();
    }

    /** An item of a fact that counts nothing, citing {@code citation}, with the reason. */
    final Contribution nothing(RecordedFact fact, String citation, String note) {
        return Items.zero(fact, eventType, citation, category.value(), note);
    }

    /** The item of a fact the rule set does not value at all. */
    final Contribution notValued(RecordedFact fact, String ruleSetId) {
        return nothing(fact, valuing.cite(), "not valued under " + ruleSetId);
    }

    /** An item of a fact counting {@code hours}, citing the valuing key's clause. */
    final Contribution counting(RecordedFact fact, BigDecimal hours, String note) {
        return new Contribution(fact.sequence(), eventType, ((ConversionRecorded) fact.event()).conversionId(), hours,
                valuing.cite(), category.value(), note);
    }
}
