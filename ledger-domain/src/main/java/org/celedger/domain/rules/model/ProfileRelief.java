package org.celedger.domain.rules.model;

/**
 * A relief derived from the profile (non-public sector, grassroots post; RULES.md §6).
 * {@code lastEvaluationYear} limits it where the document names its year (IM-2025 一(五)2:
 * "在参加2025年度职称评审时"); null means no limit.
 */
public record ProfileRelief(Cited<ReliefMode> mode, Cited<Integer> lastEvaluationYear) {
}
