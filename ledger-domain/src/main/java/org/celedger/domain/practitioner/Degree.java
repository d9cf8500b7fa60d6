package org.celedger.domain.practitioner;

/** Highest degree (API.md registration), the basis of the recognition paths of RULES.md §5. */
public enum Degree { ASSOCIATE, BACHELOR, MASTER, DOCTOR }
