package org.celedger.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.celedger.domain.practitioner.RevokeCreditCommand;
import org.junit.jupiter.api.Test;

/** The cached resolver answers exactly what Axon's annotation resolver answers, for every kind of member. */
class CachedCommandTargetResolverTest {

    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();
    private final CachedCommandTargetResolver cached = CachedCommandTargetResolver.INSTANCE;

    record OnField(@TargetAggregateIdentifier String id) {
    }

    static final class OnMethod {
        @TargetAggregateIdentifier
        String target() {
            return "m-1";
        }

        @TargetAggregateVersion
        String version() {
            return "7";
        }
    }

    static final class Versioned {
        @TargetAggregateIdentifier
        private final String id = "v-1";
        @TargetAggregateVersion
        private final long version = 3;
    }

    @Test
    void resolvesAsAxonDoes() {
        for (Object command : List.of(new OnField("f-1"), new OnMethod(), new Versioned(),
                new RevokeCreditCommand("150102199001011234", "a-1", "wrong", null, null))) {
            VersionedAggregateIdentifier expected = axon.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            VersionedAggregateIdentifier actual = cached.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            assertThat(actual).as(command.getClass().getSimpleName()).isEqualTo(expected);
            // and again, from the cache
            assertThat(cached.resolveTarget(GenericCommandMessage.asCommandMessage(command))).isEqualTo(expected);
        }
        assertThat(cached.resolveTarget(GenericCommandMessage.asCommandMessage(new OnMethod())).getVersion()).isEqualTo(7L);
    }

    @Test
    void aCommandWithoutTargetIsRefusedAsAxonRefusesIt() {
        assertThatThrownBy(() -> cached.resolveTarget(GenericCommandMessage.asCommandMessage(new OnField(null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@TargetAggregateIdentifier");
        assertThatThrownBy(() -> cached.resolveTarget(GenericCommandMessage.asCommandMessage("no target")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[String]");
    }
}
