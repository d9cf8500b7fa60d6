package org.celedger.domain.practitioner;

/**
 * A professional title level (RULES.md §1). {@code NONE} is the profile of someone who holds no
 * title yet (for example a graduate on the way to an assessment recognition).
 */
public enum TitleLevel { NONE, JUNIOR, INTERMEDIATE, ASSOCIATE_SENIOR, SENIOR }
