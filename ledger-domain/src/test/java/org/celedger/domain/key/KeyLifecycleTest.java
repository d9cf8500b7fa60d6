package org.celedger.domain.key;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.celedger.domain.InvalidFactException;
import org.celedger.domain.StateConflictException;
import org.celedger.domain.practitioner.Jurisdiction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What may follow what in a key's life: issued, rotated once, revoked once. */
class KeyLifecycleTest {

    static final String K = "key-0123456789abcdef";
    static final String NEW = "key-fedcba9876543210";
    static final String HASH = "0123456789abcdef".repeat(4);
    static final Instant UNTIL = Instant.parse("2026-12-31T16:00:00Z");

    private AggregateTestFixture<KeyLifecycle> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(KeyLifecycle.class);
    }

    static IssueApiKeyCommand issue() {
        return new IssueApiKeyCommand(K, HASH, "呼和浩特市人社局", List.of("REGISTRAR"), null, List.of(Jurisdiction.IM),
                List.of("呼和浩特市"), UNTIL, null);
    }

    static ApiKeyIssued issued() {
        return new ApiKeyIssued(K, HASH, "呼和浩特市人社局", List.of("REGISTRAR"), List.of(), List.of(Jurisdiction.IM),
                List.of("呼和浩特市"), UNTIL, null);
    }

    @Test
    void issuesAKeyWithItsScopeAndExpiry() {
        fixture.givenNoPriorActivity().when(issue()).expectEvents(issued());
    }

    @Test
    void aKeyIdIsKeyAnd16HexDigitsAndItsHashASha256() {
        fixture.givenNoPriorActivity().when(new IssueApiKeyCommand("key-1", HASH, "n", List.of("ADMIN"), null, null,
                null, null, null)).expectException(InvalidFactException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new IssueApiKeyCommand(K, "secret", "n", List.of("ADMIN"), null, null,
                null, null, null)).expectException(InvalidFactException.class).expectNoEvents();
    }

    @Test
    void revokesAKeyOnce() {
        fixture.given(issued()).when(new RevokeApiKeyCommand(K, "离职")).expectEvents(new ApiKeyRevoked(K, "离职"));
        fixture.given(issued(), new ApiKeyRevoked(K, "离职")).when(new RevokeApiKeyCommand(K, "离职"))
                .expectException(StateConflictException.class).expectNoEvents();
    }

    @Test
    void aRevocationNeedsAReason() {
        fixture.given(issued()).when(new RevokeApiKeyCommand(K, " "))
                .expectException(InvalidFactException.class).expectNoEvents();
    }

    @Test
    void aKeyMadeBeforeKeysWereRecordedIsRevokedOrRotatedOnAStreamStartedThen() {
        fixture.givenNoPriorActivity().when(new RevokeApiKeyCommand(K, "泄露"))
                .expectEvents(new ApiKeyRevoked(K, "泄露"));
        fixture.givenNoPriorActivity().when(new RotateApiKeyCommand(K, NEW, UNTIL))
                .expectEvents(new ApiKeyRotated(K, NEW, UNTIL));
    }

    @Test
    void rotatesAKeyOnceAndNeverARevokedOne() {
        fixture.given(issued()).when(new RotateApiKeyCommand(K, NEW, UNTIL)).expectEvents(new ApiKeyRotated(K, NEW, UNTIL));
        fixture.given(issued(), new ApiKeyRotated(K, NEW, UNTIL))
                .when(new RotateApiKeyCommand(K, "key-1111111111111111", UNTIL))
                .expectException(StateConflictException.class).expectNoEvents();
        fixture.given(issued(), new ApiKeyRevoked(K, "离职")).when(new RotateApiKeyCommand(K, NEW, UNTIL))
                .expectException(StateConflictException.class).expectNoEvents();
    }

    @Test
    void aRotatedKeyIsStillRevocable() {
        fixture.given(issued(), new ApiKeyRotated(K, NEW, UNTIL)).when(new RevokeApiKeyCommand(K, "提前停用"))
                .expectEvents(new ApiKeyRevoked(K, "提前停用"));
    }

    @Test
    void aRotationNamesUntilWhenTheOldKeyStaysValid() {
        fixture.given(issued()).when(new RotateApiKeyCommand(K, NEW, null))
                .expectException(InvalidFactException.class).expectNoEvents();
    }
}
