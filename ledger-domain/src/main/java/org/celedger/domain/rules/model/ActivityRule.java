package org.celedger.domain.rules.model;

import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.Sector;

import java.util.Set;

/**
 * The categories an award of one activity may serve (RULES.md §4.1). Some documents grant a
 * category only to staff of some sectors (IM-2025 一(四)2 speaks of 事业单位 staff only): then
 * {@code onlyForSectors} names them and {@code otherSectorsCategories} says what the others get.
 * Both are null when the rule holds for every sector.
 */
public record ActivityRule(Cited<Set<Category>> categories,
                           Cited<Set<Sector>> onlyForSectors,
                           Cited<Set<Category>> otherSectorsCategories) {

    /** The categories allowed to a practitioner of the given sector, with the clause that allows them. */
    public Cited<Set<Category>> allowedFor(Sector sector) {
        if (onlyForSectors == null || onlyForSectors.value().contains(sector)) {
            return categories;
        }
        return otherSectorsCategories;
    }
}
