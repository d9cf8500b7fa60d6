package org.celedger.app.security;

/**
 * The roles of API.md "Access". ADMIN may do everything. REGISTRAR: the HR office of a jurisdiction or region,
 * which registers practitioners, corrects profiles, grants and revokes exemptions and records transfers, for the
 * practitioners of its scope only.
 */
public enum Role { INTEGRATOR, AUDITOR, SUPERVISOR, REGISTRAR, ADMIN }
