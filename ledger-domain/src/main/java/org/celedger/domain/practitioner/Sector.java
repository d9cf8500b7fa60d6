package org.celedger.domain.practitioner;

/**
 * The kind of employer (RULES.md §2). {@code NON_PUBLIC} carries a relief (§6) and
 * {@code GOVERNMENT_ORGAN} matters to a {@link TransferKind#FROM_GOVERNMENT_ORGAN} transfer;
 * {@code OTHER} stands for the rest of RULES.md's "…".
 */
public enum Sector { PUBLIC_INSTITUTION, STATE_ENTERPRISE, NON_PUBLIC, GOVERNMENT_ORGAN, OTHER }
