package org.celedger.domain.base;

import java.time.LocalDate;
import java.util.List;

/**
 * A session's roster as the read side holds it: every accepted row, and the date of the latest
 * {@link RosterSubmitted} (a row added late makes the roster late; a resubmission that adds nothing records
 * nothing and so does not).
 */
public record SessionRoster(List<RosterEntry> entries, LocalDate submittedOn) {

    public SessionRoster {
        entries = List.copyOf(entries);
    }
}
