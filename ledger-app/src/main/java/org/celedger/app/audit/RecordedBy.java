package org.celedger.app.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonAppend;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.ser.VirtualBeanPropertyWriter;
import com.fasterxml.jackson.databind.util.Annotations;
import java.util.Map;
import org.celedger.app.web.ApiJsonShapes;
import org.celedger.domain.rules.Contribution;

/**
 * The {@code recordedBy} of a contribution in a decision's trace (API.md "A decision"): who recorded the
 * event the contribution cites, so that an auditor reads, beside each figure, the key that put it there.
 *
 * <p>The rule engine knows facts, not who recorded them (that is event metadata, {@link Actor}), so the
 * actor is added where the answer is written: the controller finds the actors of the events a decision
 * cites and leaves them on the request ({@link #ATTRIBUTE}); the HTTP message converter hands them to the
 * writer, and this property reads each contribution's own. Where nobody set them (stored events, views,
 * checksums) the property is absent, and every other JSON of a contribution stays as it was.
 */
public final class RecordedBy extends VirtualBeanPropertyWriter {

    /** The request (and writer) attribute holding a {@code Map<Long, Actor>} by event sequence. */
    public static final String ATTRIBUTE = "ledger.recordedBy";

    /**
     * Jackson's mix-in for {@link Contribution}: appends {@code recordedBy} after its own properties, and keeps
     * the contribution's shape ({@link ApiJsonShapes.ContributionShape}), since a class has one mix-in.
     */
    @JsonAppend(props = @JsonAppend.Prop(value = RecordedBy.class, name = "recordedBy", type = Actor.class,
            include = JsonInclude.Include.NON_NULL))
    public abstract static class OnContribution extends ApiJsonShapes.ContributionShape {
    }

    public RecordedBy() {
        // for Jackson, which makes the configured writer through withConfig
    }

    private RecordedBy(BeanPropertyDefinition property, Annotations annotations, JavaType type) {
        super(property, annotations, type);
    }

    @Override
    protected Object value(Object bean, JsonGenerator generator, SerializerProvider provider) {
        if (!(provider.getAttribute(ATTRIBUTE) instanceof Map<?, ?> actors)) {
            return null;
        }
        Object actor = actors.get(((Contribution) bean).sequence());
        return actor == null ? Actor.UNKNOWN : actor;
    }

    @Override
    public VirtualBeanPropertyWriter withConfig(MapperConfig<?> config, AnnotatedClass declaringClass,
                                                BeanPropertyDefinition property, JavaType type) {
        return new RecordedBy(property, declaringClass.getAnnotations(), type);
    }
}
