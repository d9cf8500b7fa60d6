package org.celedger.domain.practitioner;

/** The region whose rules govern a practitioner: Inner Mongolia or Ningxia (RULES.md §2, §3). */
public enum Jurisdiction { IM, NX }
