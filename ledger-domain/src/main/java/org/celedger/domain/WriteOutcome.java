package org.celedger.domain;

/**
 * What a write command did: {@code ACCEPTED} appended a new event, {@code DUPLICATE} found the
 * same fact under the same id already recorded and appended nothing (API.md: retries are safe).
 */
public enum WriteOutcome { ACCEPTED, DUPLICATE }
