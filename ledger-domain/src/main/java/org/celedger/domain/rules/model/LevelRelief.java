package org.celedger.domain.rules.model;

import org.celedger.domain.practitioner.TitleLevel;

import java.util.Set;

/** A relief for some levels applied for only (POSTDOC: IM-2025 一(五)3, 申报高级职称). */
public record LevelRelief(Cited<ReliefMode> mode, Cited<Set<TitleLevel>> levels) {
}
