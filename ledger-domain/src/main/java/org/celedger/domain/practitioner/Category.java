package org.celedger.domain.practitioner;

/** 公需科目 (PUBLIC) and 专业科目 (PROFESSIONAL), RULES.md §1. */
public enum Category { PUBLIC, PROFESSIONAL }
