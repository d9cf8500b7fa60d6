package org.celedger.app.security;

import java.util.Set;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.RegistrarScope;

/**
 * A caller's key, as stored: its SHA-256 hash (never the key), a name, its roles, for an integrator the bases it
 * may write for (empty: the key is not limited to bases), and for a registrar the jurisdictions and regions whose
 * practitioners it acts on.
 */
public record ApiKey(String hash, String name, Set<Role> roles, Set<String> baseIds, Set<Jurisdiction> jurisdictions,
                     Set<String> regions) {

    public ApiKey(String hash, String name, Set<Role> roles, Set<String> baseIds) {
        this(hash, name, roles, baseIds, Set.of(), Set.of());
    }

    /**
     * The key's id in the audit trail: the first 16 hex digits of its hash. It names the key without
     * revealing it (the hash of a random secret cannot be reversed).
     */
    public String id() {
        return idOf(hash);
    }

    public static String idOf(String hash) {
        return "key-" + hash.substring(0, Math.min(16, hash.length()));
    }

    public boolean has(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }

    /** Plans and rosters are a base's own filings: only a key naming that base (or ADMIN) may make them. */
    public boolean mayFileFor(String baseId) {
        return roles.contains(Role.ADMIN) || baseIds.contains(baseId);
    }

    /**
     * API.md: an integrator key is limited to the bases it names, where the write names a base. A key naming
     * no base (an online platform, an HR office) writes only facts that name none.
     */
    public boolean mayWriteFor(String baseId) {
        return baseId == null || roles.contains(Role.ADMIN) || baseIds.contains(baseId);
    }

    /**
     * Whether the key reads practitioners, and so may look them up by ID number (auditors, registrars, ADMIN): API.md
     * "Personal data". Every other key is told nothing of whether a number is registered.
     */
    public boolean readsPractitioners() {
        return has(Role.AUDITOR) || has(Role.REGISTRAR);
    }

    /** The practitioners a registrar key acts on; an ADMIN key is not limited (null). */
    public RegistrarScope registrarScope() {
        return roles.contains(Role.ADMIN) ? null : new RegistrarScope(jurisdictions, regions);
    }
}
