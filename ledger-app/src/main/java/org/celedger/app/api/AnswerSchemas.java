package org.celedger.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Makes the schemas of the answers exact, for the OpenAPI document: an answer is written by the application's
 * own {@link ObjectMapper} from the ledger's records and classes, so each of its properties is present in every
 * answer unless Jackson leaves it out when null ({@code @JsonInclude(NON_NULL)}, and not a primitive): such a
 * property is optional and never null; every other one is required. A required property is never null unless {@link #NULLABLE} says it
 * may be (the HTTP tests validate every answer against the document, so a null where the document says
 * none fails them), and an answer holds no property its schema does not list.
 *
 * <p>Request bodies (the records taken by a {@code @RequestBody}, and the records they hold) are left as
 * described by their own annotations: what a request must hold is the write's rule, not Jackson's.
 */
public class AnswerSchemas implements ModelConverter {

    /**
     * The properties of answers that may be null, as {@code Class.property} ({@code Outer$Nested.property} for a
     * nested class): each where the code writes a null, by design.
     */
    static final Set<String> NULLABLE = Set.of(
            // a decision's outcome under the regular rules, only for an exceptional (破格) evaluation
            "Decision.referenceStatus", "EligibilitySummary.referenceStatus",
            // a rule set still in force has no last year
            "RuleSetController$Summary.lastYear", "RuleSetController$Detail.lastYear",
            // events recorded before actors were kept, or by a key alone, without a process acting for it
            "Actor.name", "Actor.requestId", "Actor.via",
            // a session first known from its roster has no plan; one not inspected FALSIFIED no falsifiedBy
            "BaseView$Session.plan", "BaseView$Session.planFiledAt", "BaseView$Session.rosterSubmittedOn",
            "BaseView$Session.completedOn", "BaseView$Session.falsifiedBy",
            "Supervision$SessionReport.title", "Supervision$SessionReport.mode", "Supervision$SessionReport.startDate",
            "Supervision$SessionReport.endDate", "Supervision$SessionReport.capacity",
            "Supervision$SessionReport.planFiledOn", "Supervision$SessionReport.rosterSubmittedOn",
            "Supervision$SessionReport.falsifiedBy",
            // a roster row may name the practitioner by id alone; an inspection of the records observes no headcount
            "RosterEntry.name", "SessionInspected.observedHeadcount", "SessionInspected.observedHours",
            "SessionInspected.notes",
            // a rule-set parameter read as its file states it; a decision or what-if asked for no as-of date
            "Parameter.interpretation", "EligibilityQuery.asOf",
            // a what-if over every region, a sample of every jurisdiction
            "WhatIf$Result.jurisdiction", "WhatIf$Result.region", "InspectionSampleDrawn.jurisdiction",
            // a rebuild still running, or one that did not fail
            "RebuildStatus.finishedAt", "RebuildStatus.problem",
            // a read logged without a practitioner (a listing) or a stated purpose (Ledger-Purpose)
            "AccessLog$Entry.practitionerId", "AccessLog$Entry.purpose",
            // a roster row credited (no refusal's reason), a session not falsified
            "Supervision$RosterRowReport.reason", "Supervision$RosterReport.falsifiedBy",
            "Supervision$RosterReport.rosterSubmittedOn",
            // a clause quoted as its source states it, without a note of the ledger's
            "ClauseText$Clause.note",
            // a practitioner registered without a resident ID number; personal data erased (API.md "Personal data")
            "PractitionerProfile.idNumber", "PractitionerProfile.name", "PractitionerProfile.birthDate",
            "PractitionerLookupController$Found.idNumber", "PractitionerLookupController$Found.name",
            "EligibilityListing$Row.name");

    /** Schema names for answers whose simple names other answers share (a page, a row). */
    static final Map<Class<?>, String> NAMES = Map.of(
            org.celedger.projections.eligibility.EligibilityListing.Page.class, "EligibilityPage",
            org.celedger.projections.eligibility.EligibilityListing.Row.class, "EligibilityRow",
            org.celedger.projections.yearly.Statistics.Row.class, "StatisticsRow",
            org.celedger.app.audit.AuditTrail.Page.class, "AuditPage",
            org.celedger.app.audit.AuditTrail.Entry.class, "AuditEntry",
            org.celedger.app.privacy.AccessLog.Entry.class, "AccessLogEntry",
            org.celedger.app.privacy.AccessLog.Page.class, "AccessLogPage",
            org.celedger.projections.supervision.BaseView.Session.class, "SessionView",
            org.celedger.projections.supervision.BaseView.StatusChange.class, "BaseStatusChanged");

    private static final String REF = "#/components/schemas/";

    private final ObjectMapper json;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private Set<Class<?>> requests;

    public AnswerSchemas(ObjectMapper json, ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.json = json;
        this.mappings = mappings;
    }

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType javaType = type.getType() == null ? null : json.getTypeFactory().constructType(type.getType());
        Class<?> raw = javaType == null ? null : javaType.getRawClass();
        if (raw != null && NAMES.containsKey(raw) && type.getName() == null) {
            type.name(NAMES.get(raw));
        }
        Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (resolved == null || raw == null || !raw.getName().startsWith("org.celedger.") || raw.isEnum()
                || requestTypes().contains(raw)) {
            return resolved;
        }
        Schema<?> model = resolved;
        if (resolved.get$ref() != null && resolved.get$ref().startsWith(REF)) {
            model = context.getDefinedModels().get(resolved.get$ref().substring(REF.length()));
        }
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        exact(javaType, model, context);
        return resolved;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void exact(JavaType type, Schema<?> model, ModelConverterContext context) {
        SerializationConfig config = json.getSerializationConfig();
        BeanDescription description = config.introspect(type);
        JsonInclude.Value byDefault = config.getDefaultPropertyInclusion(type.getRawClass())
                .withOverrides(description.findPropertyInclusion(JsonInclude.Value.empty()));
        List<String> required = new ArrayList<>();
        Map<String, Schema> properties = (Map) model.getProperties();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.getPrimaryMember() != null && property.getPrimaryMember().hasAnnotation(JsonUnwrapped.class)) {
                // a view's answer and its consistentThrough (PopulationController.Consistent): the answer's own
                // properties, side by side with it
                unwrapped(property.getPrimaryType(), properties, required, context);
                continue;
            }
            Schema<?> schema = properties.get(property.getName());
            if (schema == null || !property.couldSerialize()) {
                continue;
            }
            JsonInclude.Include inclusion = byDefault.withOverrides(property.findInclusion()).getValueInclusion();
            boolean always = inclusion == JsonInclude.Include.ALWAYS || inclusion == JsonInclude.Include.USE_DEFAULTS;
            if (always || property.getRawPrimaryType().isPrimitive()
                    && inclusion != JsonInclude.Include.NON_DEFAULT && inclusion != JsonInclude.Include.NON_EMPTY) {
                // written always: a primitive is never null, so NON_NULL does not leave it out
                required.add(property.getName());
            }
            if (property.getRawPrimaryType() == Object.class) {
                // any JSON value (a rule-set parameter's value: a number, a string, a list, null, …)
                schema = new Schema<>().description(schema.getDescription() == null ? "any JSON value" : schema.getDescription());
                properties.put(property.getName(), schema);
                continue;
            }
            boolean nullable = always && !property.getRawPrimaryType().isPrimitive()
                    && NULLABLE.contains(name(type.getRawClass()) + "." + property.getName());
            properties.put(property.getName(), nullable(schema, nullable));
        }
        // properties a mix-in appends (@JsonAppend: a contribution's recordedBy), written only when the answer has them
        List<BeanPropertyWriter> appended = new ArrayList<>();
        config.getAnnotationIntrospector().findAndAddVirtualProperties(config, description.getClassInfo(), appended);
        for (BeanPropertyWriter virtual : appended) {
            if (!properties.containsKey(virtual.getName())) {
                Schema<?> schema = virtual.getType().getRawClass() == Object.class ? new Schema<>()
                        : context.resolve(new AnnotatedType(virtual.getType()));
                properties.put(virtual.getName(), schema);
            }
        }
        model.setRequired(required.isEmpty() ? null : required);
        model.setAdditionalProperties(Boolean.FALSE);
    }

    @SuppressWarnings("rawtypes")
    private void unwrapped(JavaType type, Map<String, Schema> properties, List<String> required,
                           ModelConverterContext context) {
        Schema<?> inner = new Schema<>();
        Map<String, Schema> copy = new java.util.LinkedHashMap<>(properties);
        inner.setProperties((Map) copy);
        exact(type, inner, context);
        if (inner.getRequired() != null) {
            required.addAll(inner.getRequired());
        }
        properties.putAll(copy);
    }

    /** A property's schema, null allowed or not; a reference is wrapped, since OpenAPI 3.0 ignores a $ref's siblings. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema schema, boolean nullable) {
        if (!nullable) {
            schema.setNullable(null);
            return schema;
        }
        if (schema.get$ref() != null) {
            return new ComposedSchema().allOf(List.of(schema)).nullable(true);
        }
        return schema.nullable(true);
    }

    /** A class's name as {@link #NULLABLE} writes it. */
    private static String name(Class<?> type) {
        return type.getName().substring(type.getName().lastIndexOf('.') + 1);
    }

    /** The records taken as request bodies, and every record they hold. */
    private synchronized Set<Class<?>> requestTypes() {
        if (requests == null) {
            Set<Class<?>> found = new HashSet<>();
            RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
            if (mapping != null) {
                for (HandlerMethod method : mapping.getHandlerMethods().values()) {
                    for (MethodParameter parameter : method.getMethodParameters()) {
                        if (parameter.hasParameterAnnotation(RequestBody.class)) {
                            collect(parameter.getGenericParameterType(), found);
                        }
                    }
                }
            }
            requests = found;
        }
        return requests;
    }

    private static void collect(Type type, Set<Class<?>> found) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, found);
            }
            collect(parameterized.getRawType(), found);
        } else if (type instanceof Class<?> c && c.getName().startsWith("org.celedger.") && !c.isEnum() && found.add(c)
                && c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                collect(component.getGenericType(), found);
            }
        }
    }
}
