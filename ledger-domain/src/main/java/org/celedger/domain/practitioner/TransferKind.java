package org.celedger.domain.practitioner;

/** Transfers (RULES.md §2): only {@code FROM_GOVERNMENT_ORGAN} (转任) has rule effects (§6). */
public enum TransferKind { FROM_GOVERNMENT_ORGAN, BETWEEN_REGIONS, BETWEEN_EMPLOYERS }
