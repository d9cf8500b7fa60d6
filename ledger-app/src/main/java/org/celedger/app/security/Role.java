package org.celedger.app.security;

/** The roles of API.md "Access". ADMIN may do everything. */
public enum Role { INTEGRATOR, AUDITOR, SUPERVISOR, ADMIN }
