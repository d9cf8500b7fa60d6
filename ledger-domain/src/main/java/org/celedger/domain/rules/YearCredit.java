package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Category;
import org.celedger.domain.rules.conversions.CreditYear;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The hours one credit year holds under one rule set (RULES.md §4), per category, with every item.
 * A "deemed met" conversion credits a category {@code max(actual, minimum)}: the trace shows the
 * actual items and the conversion's top-up, so both figures are visible.
 */
final class YearCredit implements CreditYear {

    final int year;
    private final List<Contribution> publicItems = new ArrayList<>();
    private final List<Contribution> professionalItems = new ArrayList<>();
    private BigDecimal publicActual = Hours.ZERO;
    private BigDecimal professionalActual = Hours.ZERO;
    private Deeming publicDeeming;
    private Deeming professionalDeeming;

    /** A conversion that deems a category met: the fact and the minimum it credits up to. */
    private record Deeming(RecordedFact fact, String eventType, String id, BigDecimal minimum, String citation) {
    }

    YearCredit(int year) {
        this.year = year;
    }

    @Override
    public void add(Contribution item) {
        if (item.category() == Category.PUBLIC) {
            publicItems.add(item);
            publicActual = publicActual.add(item.hours());
        } else {
            professionalItems.add(item);
            professionalActual = professionalActual.add(item.hours());
        }
    }

    /** Whether a category of this year is already deemed met. */
    @Override
    public boolean deemed(Category category) {
        return (category == Category.PUBLIC ? publicDeeming : professionalDeeming) != null;
    }

    /** Deems {@code category} met for this year up to {@code minimum} because of {@code fact}. */
    @Override
    public void deem(Category category, RecordedFact fact, String eventType, String id, BigDecimal minimum, String citation) {
        Deeming d = new Deeming(fact, eventType, id, minimum, citation);
        if (category == Category.PUBLIC) {
            publicDeeming = d;
        } else {
            professionalDeeming = d;
        }
    }

    BigDecimal actual(Category category) {
        return category == Category.PUBLIC ? publicActual : professionalActual;
    }

    /** The hours credited to a category: actual, or the minimum where deemed met and higher. */
    BigDecimal credited(Category category) {
        Deeming d = category == Category.PUBLIC ? publicDeeming : professionalDeeming;
        BigDecimal actual = actual(category);
        return d == null ? actual : Hours.max(actual, d.minimum);
    }

    BigDecimal credited(Measure measure) {
        return switch (measure) {
            case PUBLIC -> credited(Category.PUBLIC);
            case PROFESSIONAL -> credited(Category.PROFESSIONAL);
            case TOTAL -> total();
        };
    }

    /** The year's total: the sum of its credited categories after deeming (RULES.md §4.2). */
    BigDecimal total() {
        return credited(Category.PUBLIC).add(credited(Category.PROFESSIONAL));
    }

    /** The items of a category, the deeming top-up last. */
    List<Contribution> items(Category category) {
        List<Contribution> items = category == Category.PUBLIC ? publicItems : professionalItems;
        Deeming d = category == Category.PUBLIC ? publicDeeming : professionalDeeming;
        if (d == null) {
            return items;
        }
        List<Contribution> all = new ArrayList<>(items.size() + 1);
        all.addAll(items);
        BigDecimal actual = actual(category);
        all.add(new Contribution(d.fact.sequence(), d.eventType, d.id,
                Hours.max(Hours.ZERO, d.minimum.subtract(actual)), d.citation, category,
                "deemed met: actual " + actual + ", minimum " + d.minimum + ", credited " + credited(category)));
        return all;
    }

    List<Contribution> items(Measure measure) {
        return switch (measure) {
            case PUBLIC -> items(Category.PUBLIC);
            case PROFESSIONAL -> items(Category.PROFESSIONAL);
            case TOTAL -> {
                List<Contribution> all = new ArrayList<>(items(Category.PUBLIC));
                all.addAll(items(Category.PROFESSIONAL));
                yield all;
            }
        };
    }

    /** Every item of the year, PUBLIC first. */
    List<Contribution> allItems() {
        return items(Measure.TOTAL);
    }
}
