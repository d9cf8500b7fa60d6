package org.celedger.app.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Request bodies are read as strictly as the facts they become: a system of record refuses what it might
 * misread. A duplicated key (which of the two would be recorded?), anything after the JSON value, a string
 * where a number, a flag or a date belongs (or the reverse) and numbers beyond any plausible fact are refused,
 * each as a problem naming the field ({@link Problems#ofJson}).
 *
 * <p>Numbers are bounded twice. {@link #MAX_NUMBER_LENGTH} digits keeps long literals out; a short literal
 * with a huge exponent ({@code 1e999999999}, 11 characters) is a {@link BigDecimal} that is cheap to hold but
 * enormous to print or rescale (it exhausted the heap, and {@code 1e100000000} made a 100 MB error answer), so
 * decimals whose exponent reaches beyond {@link #MAX_DECIMAL_EXPONENT} are refused before anything touches them.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    /**
     * Characters of one number literal, refused by the parser itself (fast, but where it cannot name the field).
     * Typed fields refuse far shorter numbers, naming the field: decimals beyond {@link #MAX_DECIMAL_EXPONENT}
     * digits, whole numbers beyond their range.
     */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Nesting of arrays and objects: a what-if rule set is the deepest body, about ten levels. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Items of one list in a request: a batch's 10,000 (BatchController.MAX_ITEMS), a roster's participants. */
    public static final int MAX_LIST_ITEMS = 10_000;
    /**
     * Set on mappers that read what the ledger stored itself (events, read models), whose lists may be longer:
     * a roster sent as CSV may have more rows than a request's list may have items.
     */
    public static final String UNBOUNDED_LISTS = "ledger.unbounded-lists";

    /** Decimal places and integer digits of a decimal: hours have one decimal and at most a few thousand. */
    public static final int MAX_DECIMAL_EXPONENT = 30;

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public Jackson2ObjectMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder
                .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        // trees (batch items, what-if rule sets) hold decimals as written, not as doubles that
                        // would round 12.34567890123456789 and turn 1e999999999 into Infinity and 1e-999999999 into 0
                        DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .postConfigurer(StrictJson::strict);
    }

    static void strict(ObjectMapper mapper) {
        // registered last, so that these readers take the place of Jackson's and of its java.time module's
        mapper.registerModule(new SimpleModule("strict-values")
                .addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer())
                .addDeserializer(LocalDate.class, new TextOnlyDate())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config,
                            CollectionType type, BeanDescription description, JsonDeserializer<?> deserializer) {
                        return new BoundedList(deserializer);
                    }
                }));
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
        // Trees (batch items, what-if rule sets) keep decimals exact, and bounded as the typed fields are.
        mapper.setNodeFactory(new BoundedDecimalNodes());
        // No scalar becomes another: "true" is not true, 5 is not "5", 123 is not a date.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(number)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.DateTime)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        // java.time readers take a number as an epoch day or second unless they are not lenient.
        mapper.configOverride(java.time.LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.configOverride(java.time.Instant.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.configOverride(java.time.LocalDateTime.class).setFormat(JsonFormat.Value.forLeniency(false));
    }

    /** Whether a decimal's exponent stays within {@link #MAX_DECIMAL_EXPONENT} digits on either side of the point. */
    public static boolean bounded(BigDecimal value) {
        long integerDigits = (long) value.precision() - value.scale();
        return value.scale() <= MAX_DECIMAL_EXPONENT && integerDigits <= MAX_DECIMAL_EXPONENT;
    }

    /**
     * An instant in a request body is text, ISO-8601 ({@code 2026-12-31T16:00:00Z}): Jackson's reader takes a number
     * as epoch seconds or milliseconds whatever the coercion settings, so {@code 1735689600000} was a date in the
     * year 56,970. Put on the request fields that take an instant (API keys' {@code expiresAt}, a rotation's
     * {@code oldKeyValidUntil}), not on the mapper: stored messages keep their own form.
     */
    public static final class TextOnlyInstant extends StdScalarDeserializer<java.time.Instant> {

        public TextOnlyInstant() {
            super(java.time.Instant.class);
        }

        @Override
        public java.time.Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (java.time.Instant) ctxt.handleUnexpectedToken(java.time.Instant.class, p);
            }
            return com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /**
     * A date is text, YYYY-MM-DD. The java.time module also reads {@code [2025,3,10]} (and {@code []} as no date)
     * whatever its leniency; an API that documents one form takes one form.
     */
    static final class TextOnlyDate extends StdScalarDeserializer<LocalDate> {

        TextOnlyDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            return LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /** Jackson's decimal reader, refusing what {@link #bounded} refuses. */
    static final class BoundedDecimalDeserializer extends StdScalarDeserializer<BigDecimal> {

        BoundedDecimalDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            if (value != null && !bounded(value)) {
                throw ctxt.weirdNumberException(value, BigDecimal.class, OUT_OF_RANGE);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Float;
        }
    }

    /**
     * A list of at most {@link #MAX_LIST_ITEMS} items, counted while it is read: 32 MiB of {@code {},} would
     * otherwise become eleven million objects before any code could count them.
     */
    static final class BoundedList extends DelegatingDeserializer {

        BoundedList(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new BoundedList(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartArrayToken() || ctxt.getAttribute(UNBOUNDED_LISTS) != null) {
                return super.deserialize(p, ctxt);
            }
            return super.deserialize(new CountingItems(p), ctxt);
        }
    }

    /** Counts the items of the array the parser has just opened, refusing the one past the limit. */
    static final class CountingItems extends JsonParserDelegate {
        private final JsonStreamContext array;
        private int items;

        CountingItems(JsonParser p) {
            super(p);
            this.array = p.getParsingContext();
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return counted(delegate.nextToken());
        }

        /** Lists of strings are read with this call, not {@link #nextToken()}. */
        @Override
        public String nextTextValue() throws IOException {
            String value = delegate.nextTextValue();
            counted(delegate.currentToken());
            return value;
        }

        private JsonToken counted(JsonToken t) throws IOException {
            if (t != null && !t.isStructEnd()) {
                JsonStreamContext at = delegate.getParsingContext();
                if ((t.isStructStart() ? at.getParent() : at) == array && ++items > MAX_LIST_ITEMS) {
                    throw new TooManyItems(this);
                }
            }
            return t;
        }
    }

    /** A list past {@link #MAX_LIST_ITEMS}; {@link Problems} answers it 422 naming the list. */
    public static final class TooManyItems extends JsonMappingException {
        TooManyItems(JsonParser p) {
            super(p, "more than " + MAX_LIST_ITEMS + " items");
        }
    }

    /** The marker of a refused decimal in the exception, turned into a sentence by {@link Problems}. */
    static final String OUT_OF_RANGE = "out of range";

    /** Exact decimals in trees, with the same bound. */
    static final class BoundedDecimalNodes extends JsonNodeFactory {

        BoundedDecimalNodes() {
            super(true);
        }

        @Override
        public com.fasterxml.jackson.databind.node.ValueNode numberNode(BigDecimal v) {
            if (v != null && !bounded(v)) {
                throw new OutOfRangeDecimal();
            }
            return super.numberNode(v);
        }
    }

    /** A decimal in a tree beyond the bound; {@link Problems} answers it 422. */
    public static final class OutOfRangeDecimal extends IllegalArgumentException {
        OutOfRangeDecimal() {
            super("a number beyond " + MAX_DECIMAL_EXPONENT + " digits before or after the decimal point");
        }
    }
}
