package org.celedger.domain.practitioner;

import java.util.Set;

/**
 * Where a registrar (the HR office of a jurisdiction or a region, API.md "Access") may register practitioners,
 * correct profiles, grant and revoke exemptions and record transfers: practitioners whose current profile lies
 * in one of {@code jurisdictions} (when it names any) and in one of {@code regions} (when it names any).
 * A scope naming neither covers nobody: a registrar is always limited.
 *
 * <p>It travels as the command's metadata under {@link #METADATA}, so that the practitioner judges it against
 * the profile it holds while it handles the command: a transfer or correction recorded meanwhile on another
 * node is seen, since the write is accepted only on the stream's next sequence. A command without it (an
 * administrator's) is not limited.
 */
public record RegistrarScope(Set<Jurisdiction> jurisdictions, Set<String> regions) {

    public static final String METADATA = "registrarScope";

    public RegistrarScope {
        jurisdictions = jurisdictions == null ? Set.of() : Set.copyOf(jurisdictions);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
    }

    public boolean covers(PractitionerProfile profile) {
        if (profile == null || (jurisdictions.isEmpty() && regions.isEmpty())) {
            return false;
        }
        return (jurisdictions.isEmpty() || jurisdictions.contains(profile.jurisdiction()))
                && (regions.isEmpty() || regions.contains(profile.region()));
    }

    @Override
    public String toString() {
        return (jurisdictions.isEmpty() ? "" : "jurisdictions " + jurisdictions.stream().sorted().toList())
                + (jurisdictions.isEmpty() || regions.isEmpty() ? "" : ", ")
                + (regions.isEmpty() ? "" : "regions " + regions.stream().sorted().toList());
    }
}
