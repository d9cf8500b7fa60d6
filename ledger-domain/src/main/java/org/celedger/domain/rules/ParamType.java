package org.celedger.domain.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The kind of a rule-set parameter's value, which parses it strictly: a wrong kind fails with
 * {@code file: key.path.value: problem}. {@code null} reaches a type only through {@link #nullable}.
 * The rule kinds read their own keys with these ({@link RuleSetNode#param}).
 */
@FunctionalInterface
public interface ParamType<T> {

    T parse(RuleTree value, String file, String path);

    ParamType<Integer> INT = (v, file, path) -> {
        if (!(v instanceof RuleTree.Num n) || !n.isIntegral() || !n.fitsInt()) {
            throw new RuleSetFormatException(file, path, "expected a whole number, found " + v);
        }
        return n.value().intValue();
    };

    ParamType<Integer> POSITIVE_INT = (v, file, path) -> {
        int i = INT.parse(v, file, path);
        if (i <= 0) {
            throw new RuleSetFormatException(file, path, "expected a number above 0, found " + i);
        }
        return i;
    };

    ParamType<Integer> NON_NEGATIVE_INT = (v, file, path) -> {
        int i = INT.parse(v, file, path);
        if (i < 0) {
            throw new RuleSetFormatException(file, path, "expected a number of 0 or more, found " + i);
        }
        return i;
    };

    /** Hours: a non-negative number kept to one decimal place (RULES.md §1). */
    ParamType<BigDecimal> HOURS = (v, file, path) -> {
        if (!(v instanceof RuleTree.Num n)) {
            throw new RuleSetFormatException(file, path, "expected a number of hours, found " + v);
        }
        BigDecimal d = n.decimalValue();
        if (d.signum() < 0 || d.stripTrailingZeros().scale() > 1) {
            throw new RuleSetFormatException(file, path, "expected hours of 0 or more with at most one decimal, found " + v);
        }
        return d.setScale(1, RoundingMode.UNNECESSARY);
    };

    ParamType<Boolean> BOOL = (v, file, path) -> {
        if (!(v instanceof RuleTree.Bool b)) {
            throw new RuleSetFormatException(file, path, "expected true or false, found " + v);
        }
        return b.value();
    };

    /** An ISO date such as {@code "2026-07-01"}. */
    ParamType<LocalDate> DATE = (v, file, path) -> {
        try {
            if (v.isTextual()) {
                return LocalDate.parse(v.textValue());
            }
        } catch (DateTimeParseException e) {
            // reported below with the value
        }
        throw new RuleSetFormatException(file, path, "expected a date such as \"2026-07-01\", found " + v);
    };

    /** A non-empty list of non-blank texts, each once, in their order; {@code what} names them in a failure. */
    static ParamType<Set<String>> distinctTexts(String what) {
        return (v, file, path) -> {
            Set<String> texts = new LinkedHashSet<>();
            if (v instanceof RuleTree.Sequence list) {
                for (RuleTree item : list.items()) {
                    if (!item.isTextual() || item.textValue().isBlank() || !texts.add(item.textValue())) {
                        throw new RuleSetFormatException(file, path, "expected " + what + ", each once, found " + v);
                    }
                }
            }
            if (texts.isEmpty()) {
                throw new RuleSetFormatException(file, path, "expected a non-empty list of " + what + ", found " + v);
            }
            return Set.copyOf(texts);
        };
    }

    static <T> ParamType<T> nullable(ParamType<T> type) {
        return (v, file, path) -> v.isNull() ? null : type.parse(v, file, path);
    }

    static <E extends Enum<E>> ParamType<E> enumOf(Class<E> type) {
        return (v, file, path) -> enumValue(v, type, file, path);
    }

    static <E extends Enum<E>> ParamType<Set<E>> enumSet(Class<E> type) {
        return (v, file, path) -> {
            if (!(v instanceof RuleTree.Sequence list)) {
                throw new RuleSetFormatException(file, path, "expected a list of " + type.getSimpleName() + " names, found " + v);
            }
            EnumSet<E> set = EnumSet.noneOf(type);
            for (RuleTree item : list.items()) {
                if (!set.add(enumValue(item, type, file, path))) {
                    throw new RuleSetFormatException(file, path, "lists " + item.textValue() + " twice");
                }
            }
            return Collections.unmodifiableSet(set);
        };
    }

    /** The constant of {@code type} a text node names, or a failure listing the names allowed. */
    static <E extends Enum<E>> E enumValue(RuleTree v, Class<E> type, String file, String path) {
        if (v.isTextual()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(v.textValue())) {
                    return e;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        throw new RuleSetFormatException(file, path, "expected one of " + names + ", found " + v);
    }
}
