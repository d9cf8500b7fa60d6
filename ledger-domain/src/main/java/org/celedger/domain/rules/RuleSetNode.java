package org.celedger.domain.rules;

import org.celedger.domain.rules.model.Cited;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A mapping of a resolved rule-set tree, read strictly: every key asked for must be there, and
 * {@link #end()} rejects the keys nobody asked for, so the schema is the reading code itself and the
 * schema and the model cannot drift apart. A rule kind reads its own keys through the node of its
 * section; every parameter read is recorded for the rule set's parameter listing, in reading order.
 */
public final class RuleSetNode {

    private static final Pattern INTERPRETATION = Pattern.compile("I-[0-9]+");

    private final String file;
    private final List<Parameter> parameters;
    private final RuleTree.Mapping node;
    private final String path;
    private final Set<String> read = new HashSet<>();

    RuleSetNode(String file, List<Parameter> parameters, RuleTree.Mapping node, String path) {
        this.file = file;
        this.parameters = parameters;
        this.node = node;
        this.path = path;
    }

    /** The dotted path of this mapping in the file, e.g. {@code reliefs.ageFull}; empty for the root. */
    public String path() {
        return path;
    }

    /** A failure at this mapping, naming the file and the path. */
    public RuleSetFormatException fail(String problem) {
        return new RuleSetFormatException(file, path, problem);
    }

    /** A failure at a key of this mapping, naming the file and the key's path. */
    public RuleSetFormatException fail(String key, String problem) {
        return new RuleSetFormatException(file, at(key), problem);
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private RuleTree required(String key) {
        read.add(key);
        RuleTree child = node.get(key);
        if (child == null) {
            throw new RuleSetFormatException(file, at(key), "missing key");
        }
        return child;
    }

    public boolean has(String key) {
        return node.has(key);
    }

    /** The mapping under {@code key}. */
    public RuleSetNode obj(String key) {
        RuleTree child = required(key);
        if (!(child instanceof RuleTree.Mapping mapping)) {
            throw new RuleSetFormatException(file, at(key), "expected a mapping, found " + child.nodeType());
        }
        return new RuleSetNode(file, parameters, mapping, at(key));
    }

    /** A non-empty text that is not a parameter (an id, a title). */
    public String text(String key) {
        RuleTree child = required(key);
        if (!child.isTextual() || child.textValue().isBlank()) {
            throw new RuleSetFormatException(file, at(key), "expected a non-empty text");
        }
        return child.textValue();
    }

    public <E extends Enum<E>> E enumText(String key, Class<E> type) {
        return ParamType.enumValue(required(key), type, file, at(key));
    }

    /** A non-empty list of mappings. */
    public List<RuleSetNode> objList(String key) {
        RuleTree child = required(key);
        if (!(child instanceof RuleTree.Sequence items) || items.size() == 0) {
            throw new RuleSetFormatException(file, at(key), "expected a non-empty list");
        }
        List<RuleSetNode> list = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.items().get(i) instanceof RuleTree.Mapping item)) {
                throw new RuleSetFormatException(file, at(key) + "[" + i + "]", "expected a mapping");
            }
            list.add(new RuleSetNode(file, parameters, item, at(key) + "[" + i + "]"));
        }
        return list;
    }

    /** A parameter: {@code {value, citation, interpretation?}}; recorded for the parameter listing. */
    public <T> Cited<T> param(String key, ParamType<T> type) {
        RuleSetNode p = obj(key);
        String paramPath = at(key);
        RuleTree value = p.required("value");
        String citation = p.text("citation");
        String interpretation = null;
        if (p.has("interpretation")) {
            interpretation = p.text("interpretation");
            if (!INTERPRETATION.matcher(interpretation).matches()) {
                throw new RuleSetFormatException(file, p.at("interpretation"),
                        "expected an interpretation id like I-3, found " + interpretation);
            }
        }
        p.end();
        T parsed = type.parse(value, file, p.at("value"));
        Object plain = value.plain();
        parameters.add(new Parameter(paramPath, plain instanceof List<?> list ? List.copyOf(list) : plain, citation, interpretation));
        return new Cited<>(parsed, citation, interpretation);
    }

    /** Rejects the keys of this mapping that nobody read. */
    public void end() {
        Set<String> unknown = new TreeSet<>();
        for (String name : node.keys()) {
            if (!read.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new RuleSetFormatException(file, at(unknown.iterator().next()),
                    "unknown key" + (unknown.size() > 1 ? " (also " + unknown + ")" : ""));
        }
    }
}
