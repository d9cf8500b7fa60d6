package org.celedger.app.security;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.util.List;
import java.util.function.BiFunction;
import org.celedger.domain.base.RosterEntry;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.ProfileChanges;
import org.springframework.stereotype.Component;

/**
 * Masks personal data in answers by the caller's {@link Disclosure}, wherever a profile, profile changes or a
 * roster row appears in an answer, so that no endpoint can forget it. It acts only when the writer carries a
 * disclosure (the HTTP answers' converter sets one for every answer): the stored events and views, written by
 * copies of the same mapper without it, keep the values as recorded.
 */
@Component
public final class PersonalDataMasking extends SimpleModule {

    public PersonalDataMasking() {
        super("personal-data-masking");
        setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                             List<BeanPropertyWriter> properties) {
                Class<?> type = bean.getBeanClass();
                if (type == PractitionerProfile.class) {
                    return masked(properties, "idNumber", (d, p) -> d.idNumber(((PractitionerProfile) p).idNumber(),
                            (PractitionerProfile) p));
                }
                if (type == ProfileChanges.class) {
                    // Changes hold no region to judge a registrar's scope by: whole to ADMIN only.
                    return masked(properties, "idNumber", (d, p) -> d.idNumber(((ProfileChanges) p).idNumber(), null));
                }
                if (type == RosterEntry.class) {
                    return masked(properties, "name", (d, p) -> d.name(((RosterEntry) p).name()));
                }
                return properties;
            }
        });
    }

    private static List<BeanPropertyWriter> masked(List<BeanPropertyWriter> properties, String name,
                                                   BiFunction<Disclosure, Object, String> shown) {
        properties.replaceAll(w -> w.getName().equals(name) ? new Masked(w, shown) : w);
        return properties;
    }

    /** A property written as the caller's disclosure shows it. */
    private static final class Masked extends BeanPropertyWriter {
        private final transient BiFunction<Disclosure, Object, String> shown;

        Masked(BeanPropertyWriter base, BiFunction<Disclosure, Object, String> shown) {
            super(base);
            this.shown = shown;
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider provider) throws Exception {
            if (!(provider.getAttribute(Disclosure.ATTRIBUTE) instanceof Disclosure disclosure)) {
                super.serializeAsField(bean, gen, provider);
                return;
            }
            String value = shown.apply(disclosure, bean);
            if (value == null && _suppressNulls) {
                return;
            }
            gen.writeFieldName(_name);
            if (value == null) {
                gen.writeNull();
            } else {
                gen.writeString(value);
            }
        }
    }
}
