package org.celedger.domain.practitioner;

/** Exemptions granted by an authority (RULES.md §2, §6). Age, sector and grassroots reliefs are derived, not granted. */
public enum ExemptionKind { COVID_FRONTLINE, POSTDOC }
