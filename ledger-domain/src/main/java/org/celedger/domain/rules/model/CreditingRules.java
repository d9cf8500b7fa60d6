package org.celedger.domain.rules.model;

import org.celedger.domain.practitioner.Activity;

import java.util.Map;

/**
 * How awards are credited to a year (RULES.md §4.1): minutes per hour (truncated to one decimal),
 * whether make-up study (补学往年) moves an award to its target year, and what each activity may serve.
 */
public record CreditingRules(Cited<Integer> minutesPerHour, Cited<Boolean> makeUp,
                             Map<Activity, ActivityRule> activities) {
}
