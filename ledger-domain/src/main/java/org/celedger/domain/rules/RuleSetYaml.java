package org.celedger.domain.rules;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.Base64;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the YAML text of a rule-set file into a {@link RuleTree}, from SnakeYAML's events. The scalars are typed
 * as the rule sets were typed when Jackson's YAML module read them, on which their versions rest: YAML 1.1's
 * implicit types as SnakeYAML's {@link Resolver} tells them; a whole number (also {@code 0x}, {@code 0b}, a
 * leading-zero octal, with {@code _}) is an Integer, Long or BigInteger by its size, a number with a point or an
 * exponent a Double; {@code true/yes/on} and {@code false/no/off} are booleans; {@code ~}, {@code null} and
 * nothing are null; a timestamp is text; an alias is the text of its anchor's name (anchors are not followed, a
 * {@code <<} key is a key); of the file's documents the first is read. A syntax error is reported with
 * SnakeYAML's message.
 */
final class RuleSetYaml {

    private static final String YAML_TAG = "tag:yaml.org,2002:";

    private final Parser parser;
    private final Resolver resolver = new Resolver();

    private RuleSetYaml(String yaml) {
        this.parser = new ParserImpl(new StreamReader(new StringReader(yaml)), new LoaderOptions());
    }

    /**
     * The tree of the first document of {@code yaml}, or null when there is none.
     *
     * @throws RuleSetFormatException naming {@code file} when the text is not valid YAML
     */
    static RuleTree read(String file, String yaml) {
        try {
            return new RuleSetYaml(yaml).document();
        } catch (YAMLException e) {
            throw invalid(file, e.getMessage());
        } catch (NumberFormatException e) {
            throw invalid(file, "Malformed Number token: failed to tokenize due to (" + e.getClass().getName() + "): "
                    + e.getMessage());
        } catch (Invalid e) {
            throw invalid(file, e.getMessage());
        }
    }

    private static RuleSetFormatException invalid(String file, String message) {
        return new RuleSetFormatException(file, "", "not valid YAML: " + message);
    }

    /** A problem that SnakeYAML lets through and Jackson reported. */
    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private RuleTree document() {
        while (true) {
            Event event = parser.getEvent();
            if (event == null || event.is(Event.ID.StreamEnd)) {
                return null;
            }
            if (event.is(Event.ID.StreamStart) || event.is(Event.ID.DocumentStart) || event.is(Event.ID.DocumentEnd)) {
                continue;
            }
            return value(event);
        }
    }

    private RuleTree value(Event event) {
        if (event instanceof ScalarEvent scalar) {
            return scalar(scalar);
        }
        if (event instanceof AliasEvent alias) {
            return new RuleTree.Text(alias.getAnchor());
        }
        if (event.is(Event.ID.MappingStart)) {
            RuleTree.Mapping mapping = new RuleTree.Mapping();
            while (true) {
                Event key = parser.getEvent();
                if (key.is(Event.ID.MappingEnd)) {
                    return mapping;
                }
                if (!(key instanceof ScalarEvent name)) {
                    throw new Invalid("Expected a field name (Scalar value in YAML), got this instead: " + key);
                }
                mapping.set(name.getValue(), value(parser.getEvent()));
            }
        }
        if (event.is(Event.ID.SequenceStart)) {
            RuleTree.Sequence sequence = new RuleTree.Sequence();
            while (true) {
                Event item = parser.getEvent();
                if (item.is(Event.ID.SequenceEnd)) {
                    return sequence;
                }
                sequence.add(value(item));
            }
        }
        throw new Invalid("Not expecting " + event + " but a value");
    }

    private RuleTree scalar(ScalarEvent scalar) {
        String value = scalar.getValue();
        String tag = scalar.getTag();
        if (tag == null || tag.equals("!")) {
            Tag resolved = resolver.resolve(NodeId.scalar, value, scalar.getImplicit().canOmitTagInPlainScalar());
            if (resolved.equals(Tag.STR)) {
                return new RuleTree.Text(value);
            }
            if (resolved.equals(Tag.INT)) {
                return whole(value);
            }
            if (resolved.equals(Tag.FLOAT)) {
                return decimal(value);
            }
            if (resolved.equals(Tag.BOOL)) {
                Boolean b = bool(value);
                return b == null ? new RuleTree.Text(value) : new RuleTree.Bool(b);
            }
            if (resolved.equals(Tag.NULL)) {
                return RuleTree.Null.NULL;
            }
            return new RuleTree.Text(value); // a timestamp, a merge key
        }
        if (tag.startsWith(YAML_TAG)) {
            tag = tag.substring(YAML_TAG.length());
            if (tag.contains(",")) {
                String[] tags = tag.split(",");
                tag = tags.length == 0 ? "" : tags[0];
            }
        }
        if (tag.equals("binary")) {
            try {
                return new RuleTree.Binary(Base64.getMimeDecoder().decode(value.trim()));
            } catch (IllegalArgumentException e) {
                throw new Invalid(e.getMessage());
            }
        }
        if (tag.equals("bool")) {
            Boolean b = bool(value);
            return b == null ? new RuleTree.Text(value) : new RuleTree.Bool(b);
        }
        if (!value.isEmpty()) {
            switch (tag) {
                case "int":
                    return whole(value);
                case "float":
                    return decimal(value);
                case "null":
                    return RuleTree.Null.NULL;
                default:
                    break;
            }
        }
        return new RuleTree.Text(value);
    }

    /** YAML 1.1's boolean words as Jackson matched them (the resolver offers all but y and n implicitly). */
    private static Boolean bool(String value) {
        for (String yes : new String[] {"y", "yes", "on", "true"}) {
            if (yes.equalsIgnoreCase(value)) {
                return Boolean.TRUE;
            }
        }
        for (String no : new String[] {"n", "no", "off", "false"}) {
            if (no.equalsIgnoreCase(value)) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    /** A float: underscores (and then a leading +) dropped, read as a double. */
    private static RuleTree decimal(String value) {
        String clean = value;
        if (value.indexOf('_') >= 0) {
            StringBuilder sb = new StringBuilder(value.length());
            for (int i = value.charAt(0) == '+' ? 1 : 0; i < value.length(); i++) {
                if (value.charAt(i) != '_') {
                    sb.append(value.charAt(i));
                }
            }
            clean = sb.toString();
        }
        try {
            return new RuleTree.Num(Double.parseDouble(clean));
        } catch (NumberFormatException e) {
            throw new Invalid("Malformed numeric value '" + value + "'");
        }
    }

    /** A whole number: decimal, or 0x, 0b or leading-zero octal; Integer, Long or BigInteger as Jackson sized it. */
    private static RuleTree whole(String value) {
        int len = value.length();
        int i = 0;
        boolean negative = false;
        char ch = value.charAt(0);
        if (ch == '-') {
            negative = true;
            i = 1;
        } else if (ch == '+') {
            if (len == 1) {
                return new RuleTree.Text(value);
            }
            i = 1;
        }
        if (len == i) {
            return new RuleTree.Text(value);
        }
        if (value.charAt(i) == '0') {
            if (++i == len) {
                return new RuleTree.Num(0);
            }
            switch (value.charAt(i)) {
                case 'b', 'B':
                    return radix(value, i + 1, negative, 2, 31, 63, true);
                case 'x', 'X':
                    return radix(value, i + 1, negative, 16, 7, 15, true);
                case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '_':
                    return radix(value, i, negative, 8, 10, 21, false);
                default:
                    return new RuleTree.Text(value);
            }
        }
        boolean underscores = false;
        for (; i < len; i++) {
            char c = value.charAt(i);
            if (c > '9' || c < '0') {
                if (c == '_') {
                    underscores = true;
                } else {
                    return new RuleTree.Text(value);
                }
            }
        }
        String clean = value;
        if (underscores) {
            StringBuilder sb = new StringBuilder(len);
            for (int j = value.charAt(0) == '+' ? 1 : 0; j < len; j++) {
                if (value.charAt(j) != '_') {
                    sb.append(value.charAt(j));
                }
            }
            clean = sb.toString();
            if (clean.isEmpty() || clean.equals("-")) {
                throw new Invalid("Invalid number ('" + value + "')");
            }
        }
        return decimalWhole(clean, value, negative);
    }

    /** Jackson's sizing of a decimal whole number by its length (a leading + counts as a digit). */
    private static RuleTree decimalWhole(String clean, String written, boolean negative) {
        int digits = clean.length() - (negative ? 1 : 0);
        try {
            if (digits <= 9) {
                return new RuleTree.Num(Integer.parseInt(clean));
            }
            if (digits <= 18) {
                long l = Long.parseLong(clean);
                if (digits == 10 && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                    return new RuleTree.Num((int) l);
                }
                return new RuleTree.Num(l);
            }
            BigInteger n = new BigInteger(clean);
            if (digits == 19 && n.bitLength() <= 63) {
                return new RuleTree.Num(n.longValue());
            }
            return new RuleTree.Num(n);
        } catch (NumberFormatException e) {
            if (digits <= 9) {
                throw new Invalid("Invalid base-10 number ('" + clean + "'), problem: " + e.getMessage());
            }
            throw new Invalid("Malformed numeric value '" + written + "'");
        }
    }

    private static RuleTree radix(String value, int from, boolean negative, int base, int intDigits, int longDigits,
                                  boolean checkIfInt) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = from; i < value.length(); i++) {
            if (value.charAt(i) != '_') {
                sb.append(value.charAt(i));
            }
        }
        String digits = sb.toString();
        try {
            if (digits.length() <= intDigits) {
                int v = Integer.parseInt(digits, base);
                return new RuleTree.Num(negative ? -v : v);
            }
            if (digits.length() <= longDigits) {
                long unsigned = Long.parseLong(digits, base);
                boolean check = checkIfInt && digits.length() == intDigits + 1;
                if (negative) {
                    long actual = -unsigned;
                    return check && actual >= Integer.MIN_VALUE ? new RuleTree.Num((int) actual) : new RuleTree.Num(actual);
                }
                return check && unsigned < Integer.MAX_VALUE ? new RuleTree.Num((int) unsigned) : new RuleTree.Num(unsigned);
            }
            BigInteger unsigned = new BigInteger(digits, base);
            return new RuleTree.Num(negative ? unsigned.negate() : unsigned);
        } catch (NumberFormatException e) {
            throw new Invalid("Invalid base-" + base + " number ('" + digits + "'), problem: " + e.getMessage());
        }
    }
}
