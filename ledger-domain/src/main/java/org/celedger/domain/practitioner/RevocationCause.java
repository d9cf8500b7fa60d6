package org.celedger.domain.practitioner;

/** Why a credit was revoked (RULES.md §2): a correction by its issuer, or a failed inspection of its session (§8). */
public enum RevocationCause { CORRECTION, FAILED_INSPECTION }
