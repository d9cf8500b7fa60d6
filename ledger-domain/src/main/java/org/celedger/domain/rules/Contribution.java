package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Category;

import java.math.BigDecimal;

/**
 * One fact's share of a figure (RULES.md §4, §7): the event (its aggregate sequence, type and the
 * id it carries: award, conversion or exemption id), the hours it gives (one decimal; 0 when it
 * counts nothing, with the reason in {@code note}), the clause that valued it and the category.
 */
public record Contribution(long sequence, String eventType, String id, BigDecimal hours, String citation,
                           Category category, String note) {
}
