package org.celedger.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.util.Json;
import java.util.List;
import org.celedger.domain.rules.Contribution;
import org.celedger.domain.rules.Decision;
import org.celedger.domain.rules.Relief;
import org.celedger.domain.rules.Requirement;
import org.celedger.domain.rules.YearTotals;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI document's schemas of the rule engine's answers take their property names and order from
 * the same Jackson mix-ins as the answers themselves ({@code ApiJsonShapes}, {@code RecordedBy}): springdoc
 * reads classes with an ObjectMapper of its own, which would otherwise see the domain records' bare
 * component names ({@code publicHours} where the answer says {@code public}).
 */
@Component
public class SpringdocJsonShapes {

    static final List<Class<?>> SHAPED = List.of(Decision.class, Relief.class, Requirement.class, Contribution.class,
            YearTotals.class);

    public SpringdocJsonShapes(ObjectMapper application, ObjectMapperProvider springdoc) {
        for (Class<?> shaped : SHAPED) {
            Class<?> mixIn = application.findMixInClassFor(shaped);
            if (mixIn != null) {
                springdoc.jsonMapper().addMixIn(shaped, mixIn);
                Json.mapper().addMixIn(shaped, mixIn);
            }
        }
    }
}
