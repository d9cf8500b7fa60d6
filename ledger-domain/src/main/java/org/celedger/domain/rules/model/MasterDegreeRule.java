package org.celedger.domain.rules.model;

import org.celedger.domain.practitioner.TitleLevel;

import java.math.BigDecimal;
import java.util.Set;

/** The NX master's-degree rule (NX-2022 一(二), I-6): per-year amounts times the years in the current post kept in the window. */
public record MasterDegreeRule(Cited<MasterDegreeMode> mode, Cited<Set<TitleLevel>> levels,
                               Cited<BigDecimal> perYearTotal, Cited<BigDecimal> perYearPublic) {
}
