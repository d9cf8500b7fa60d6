package org.celedger.domain.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Layered rule-set files: a file states what its notice says and {@code extends} the rule set it
 * refines for everything else (OpenFisca's way: a reform states what it changes, it does not copy the
 * law). Resolving a file gives the complete tree that {@link RuleSetReader} reads strictly and whose
 * canonical form is hashed into the version, exactly as if the file had been written out in full.
 *
 * <p>Three rules, in this order:
 * <ol>
 *   <li><b>Merge.</b> The file's tree is laid over the resolved tree of the rule set it extends, key
 *       by key within sections. A parameter ({@code {value, citation, interpretation?}}) is replaced
 *       whole, so a value never inherits the citation of the value it replaces. So is a requirement
 *       level ({@code requirements.PURPOSE.LEVEL}), whose keys depend on its {@code kind}, and an
 *       activity ({@code crediting.activities.ACTIVITY}), whose sector condition comes as a pair.
 *       Lists are replaced whole.</li>
 *   <li><b>Links.</b> A requirement level written {@code {sameAs: OTHER}} is a copy of level OTHER of
 *       the same purpose, for documents that state several levels in one sentence (高、中级). Links are
 *       inherited as links: a later file that restates OTHER changes the linked levels with it.</li>
 *   <li><b>Silence.</b> {@value #SELF} in a citation stands for the id of the rule set being resolved.
 *       It is how a file cites a document's silence ({@code "${id}: no such relief"}): a later notice
 *       that is silent too inherits the value as its own silence, naming itself.</li>
 * </ol>
 * The {@code extends} key itself is not part of the resolved tree: two files that resolve to the same
 * tree are the same rule set and have the same version.
 */
final class RuleSetLayers {

    static final String EXTENDS = "extends";
    static final String SAME_AS = "sameAs";
    static final String SELF = "${id}";

    /** The paths of mappings that a file restates whole rather than key by key. */
    private static final Pattern WHOLE = Pattern.compile("requirements\\.[^.]+\\.[^.]+|crediting\\.activities\\.[^.]+");

    /** A file of the load: its name, its id and its tree as written. */
    private record Layer(String file, String id, RuleTree.Mapping tree) {
    }

    private final Map<String, Layer> byId = new LinkedHashMap<>();
    private final Function<String, Optional<RuleSet>> outside;
    private final Map<Layer, RuleSet> done = new IdentityHashMap<>();
    private final Set<Layer> resolving = Collections.newSetFromMap(new IdentityHashMap<>());

    private RuleSetLayers(Function<String, Optional<RuleSet>> outside) {
        this.outside = outside;
    }

    /**
     * Resolves parsed files (name → tree, in the order given): each may extend another file of the
     * same load, or else a rule set {@code outside} knows; a file extending its own id extends the one
     * {@code outside} knows. Of two files with one id the later is the one extended, as the later
     * replaces the earlier in a registry.
     *
     * @return the rule sets in the order of the files
     * @throws RuleSetFormatException naming the file and key path of any problem
     */
    static List<RuleSet> resolve(Map<String, RuleTree.Mapping> files, Function<String, Optional<RuleSet>> outside) {
        RuleSetLayers layers = new RuleSetLayers(outside);
        List<Layer> order = new ArrayList<>();
        for (Map.Entry<String, RuleTree.Mapping> file : files.entrySet()) {
            RuleTree id = file.getValue().get("id");
            if (id == null) {
                throw new RuleSetFormatException(file.getKey(), "id", "missing key");
            }
            if (!id.isTextual() || id.textValue().isBlank()) {
                throw new RuleSetFormatException(file.getKey(), "id", "expected a non-empty text");
            }
            Layer layer = new Layer(file.getKey(), id.textValue(), file.getValue());
            layers.byId.put(layer.id(), layer);
            order.add(layer);
        }
        List<RuleSet> result = new ArrayList<>(order.size());
        for (Layer layer : order) {
            result.add(layers.resolve(layer));
        }
        return result;
    }

    private RuleSet resolve(Layer layer) {
        RuleSet known = done.get(layer);
        if (known != null) {
            return known;
        }
        if (!resolving.add(layer)) {
            throw new RuleSetFormatException(layer.file(), EXTENDS, "rule sets extend each other in a cycle through " + layer.id());
        }
        RuleSet resolved = compile(layer, parentOf(layer));
        resolving.remove(layer);
        done.put(layer, resolved);
        return resolved;
    }

    /** The merged tree of the rule set {@code layer} extends, or null when it extends none. */
    private RuleTree.Mapping parentOf(Layer layer) {
        RuleTree name = layer.tree().get(EXTENDS);
        if (name == null) {
            return null;
        }
        if (!name.isTextual() || name.textValue().isBlank()) {
            throw new RuleSetFormatException(layer.file(), EXTENDS, "expected the id of a rule set");
        }
        String parentId = name.textValue();
        // A file that extends its own id changes the rule set known outside this load (an operator's
        // revision of a bundled rule set), which it then replaces.
        Layer parent = parentId.equals(layer.id()) ? null : byId.get(parentId);
        if (parent != null) {
            return resolve(parent).merged();
        }
        return outside.apply(parentId).map(RuleSet::merged).orElseThrow(() -> new RuleSetFormatException(
                layer.file(), EXTENDS, "no rule set " + parentId + " to extend"));
    }

    /** The rule set of {@code layer} laid over {@code parent}'s merged tree (null: it extends nothing). */
    private RuleSet compile(Layer layer, RuleTree.Mapping parent) {
        RuleTree.Mapping own = layer.tree().deepCopy();
        own.remove(EXTENDS);
        RuleTree.Mapping merged = parent == null ? own : merge(parent, own, "");
        RuleTree.Mapping content = merged.deepCopy();
        expandLinks(layer.file(), content);
        nameSilence(content, layer.id());
        return RuleSetReader.compile(layer.file(), content, merged);
    }

    private static RuleTree.Mapping merge(RuleTree.Mapping parent, RuleTree.Mapping child, String path) {
        RuleTree.Mapping out = parent.deepCopy();
        for (Map.Entry<String, RuleTree> field : child.entries()) {
            String key = field.getKey();
            String at = path.isEmpty() ? key : path + "." + key;
            RuleTree mine = field.getValue();
            RuleTree theirs = out.get(key);
            if (theirs instanceof RuleTree.Mapping inherited && mine instanceof RuleTree.Mapping stated
                    && isSection(at, inherited) && isSection(at, stated)) {
                out.set(key, merge(inherited, stated, at));
            } else {
                out.set(key, mine.deepCopy());
            }
        }
        return out;
    }

    /** Whether a mapping is merged key by key: not a parameter, not a link, not a unit restated whole. */
    private static boolean isSection(String path, RuleTree.Mapping node) {
        return !node.has("value") && !node.has("citation") && !node.has(SAME_AS) && !WHOLE.matcher(path).matches();
    }

    private static void expandLinks(String file, RuleTree.Mapping root) {
        if (!(root.get("requirements") instanceof RuleTree.Mapping requirements)) {
            return; // the reader names the missing or malformed section
        }
        for (Map.Entry<String, RuleTree> purpose : requirements.entries()) {
            if (!(purpose.getValue() instanceof RuleTree.Mapping levels)) {
                continue;
            }
            Map<String, RuleTree> copies = new LinkedHashMap<>();
            for (Map.Entry<String, RuleTree> level : levels.entries()) {
                if (level.getValue() instanceof RuleTree.Mapping node && node.has(SAME_AS)) {
                    String at = "requirements." + purpose.getKey() + "." + level.getKey();
                    RuleTree target = node.get(SAME_AS);
                    if (node.size() != 1) {
                        throw new RuleSetFormatException(file, at, SAME_AS + " stands alone: a level is a copy or is stated whole");
                    }
                    RuleTree copied = target.isTextual() ? levels.get(target.textValue()) : null;
                    if (!(copied instanceof RuleTree.Mapping copiedLevel)) {
                        throw new RuleSetFormatException(file, at + "." + SAME_AS, "names no level of " + purpose.getKey()
                                + ": " + target);
                    }
                    if (copiedLevel.has(SAME_AS)) {
                        throw new RuleSetFormatException(file, at + "." + SAME_AS, "names " + target.textValue()
                                + ", itself a copy; name the level it copies");
                    }
                    copies.put(level.getKey(), copiedLevel.deepCopy());
                }
            }
            copies.forEach(levels::set);
        }
    }

    /** Replaces {@value #SELF} in every citation by the id of the rule set being resolved. */
    private static void nameSilence(RuleTree node, String id) {
        if (node instanceof RuleTree.Mapping object) {
            RuleTree citation = object.get("citation");
            if (citation != null && citation.isTextual() && citation.textValue().contains(SELF)) {
                object.set("citation", new RuleTree.Text(citation.textValue().replace(SELF, id)));
            }
            for (Map.Entry<String, RuleTree> child : object.entries()) {
                nameSilence(child.getValue(), id);
            }
        } else if (node instanceof RuleTree.Sequence list) {
            for (RuleTree child : list.items()) {
                nameSilence(child, id);
            }
        }
    }
}
