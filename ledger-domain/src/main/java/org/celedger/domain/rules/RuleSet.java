package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.CreditingRules;
import org.celedger.domain.rules.model.Minimums;
import org.celedger.domain.rules.model.RequirementRule;
import org.celedger.domain.rules.model.TrainingBaseRules;
import org.celedger.domain.rules.awards.AwardCrediting;
import org.celedger.domain.rules.conversions.Conversions;
import org.celedger.domain.rules.reliefs.Reliefs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One rule set (RULES.md §3): the parameters of one document (with the standing measures it
 * refines), each with its citation, compiled from a YAML file laid over the file it extends
 * ({@link RuleSetLayers}). Its {@link #version()} is the SHA-256 of its canonical resolved content,
 * so two rule sets with the same content have the same version whatever their layout, comments or
 * layering, and any changed parameter gives another version.
 * Immutable and thread-safe.
 */
public final class RuleSet {

    private final String id;
    private final Jurisdiction jurisdiction;
    private final String title;
    private final List<RuleSetSource> sources;
    private final Cited<Integer> firstYear;
    private final Cited<Integer> lastYear;
    private final AwardCrediting awards;
    private final Minimums yearlyMinimums;
    private final Conversions conversions;
    private final Map<Purpose, Map<String, RequirementRule>> requirements;
    private final Reliefs reliefs;
    private final TrainingBaseRules trainingBases;
    private final List<Parameter> parameters;
    private final RuleTree.Mapping content;
    private final RuleTree.Mapping merged;
    private final String canonicalJson;
    private final String version;

    RuleSet(String id, Jurisdiction jurisdiction, String title, List<RuleSetSource> sources,
            Cited<Integer> firstYear, Cited<Integer> lastYear, AwardCrediting awards, Minimums yearlyMinimums,
            Conversions conversions, Map<Purpose, Map<String, RequirementRule>> requirements,
            Reliefs reliefs, TrainingBaseRules trainingBases, List<Parameter> parameters, RuleTree.Mapping content,
            RuleTree.Mapping merged) {
        this.id = id;
        this.jurisdiction = jurisdiction;
        this.title = title;
        this.sources = List.copyOf(sources);
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.awards = awards;
        this.yearlyMinimums = yearlyMinimums;
        this.conversions = conversions;
        this.requirements = requirements;
        this.reliefs = reliefs;
        this.trainingBases = trainingBases;
        this.parameters = parameters;
        this.content = content;
        this.merged = merged;
        this.canonicalJson = RuleTree.canonicalJson(content);
        this.version = "sha256:" + sha256(canonicalJson);
    }

    /**
     * Loads a rule set from YAML text, for example an operator-supplied file. A file that
     * {@code extends} another rule set is resolved over the bundled one of that id
     * ({@link RuleSets#load} resolves files over each other).
     *
     * @param name the file name used in error messages
     * @throws RuleSetFormatException naming the file and key path of any missing, unknown or bad key
     */
    public static RuleSet fromYaml(String name, String yaml) {
        RuleTree.Mapping tree = RuleSetReader.parse(name, yaml);
        if (!tree.has(RuleSetLayers.EXTENDS)) {
            // A complete file needs no registry: reading one must not load the bundled rule sets.
            return RuleSetLayers.resolve(Map.of(name, tree), id -> Optional.empty()).get(0);
        }
        return RuleSetLayers.resolve(Map.of(name, tree), RuleSets.bundled()::byId).get(0);
    }

    /** The rule set id, e.g. {@code IM-2025}; a variant's id ends in {@code +variant}. */
    public String id() {
        return id;
    }

    /** {@code "sha256:" + hex} of the canonical content (keys sorted, comments and layout ignored). */
    public String version() {
        return version;
    }

    public Jurisdiction jurisdiction() {
        return jurisdiction;
    }

    public String title() {
        return title;
    }

    public List<RuleSetSource> sources() {
        return sources;
    }

    /** The first evaluation year this rule set serves by default (I-1). */
    public int firstYear() {
        return firstYear.value();
    }

    /** The last evaluation year this rule set serves by default, or null when open-ended (I-1). */
    public Integer lastYear() {
        return lastYear.value();
    }

    /** Whether this rule set serves evaluation year {@code year} by default (RULES.md §3). */
    public boolean serves(int year) {
        return year >= firstYear.value() && (lastYear.value() == null || year <= lastYear.value());
    }

    /** Every parameter with its path, value, citation and interpretation id, in file order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The training-base deadlines and limits read by supervision (RULES.md §8). */
    public TrainingBaseRules trainingBases() {
        return trainingBases;
    }

    /** Plan filed at least this many days before a session starts; null when the rule set has no such deadline. */
    public Integer planDaysBeforeStart() {
        return trainingBases.planDaysBeforeStart().value();
    }

    /** Roster filed at most this many days after a session ends; null when the rule set has no such deadline. */
    public Integer rosterDaysAfterEnd() {
        return trainingBases.rosterDaysAfterEnd().value();
    }

    /** The parameters of crediting awards (RULES.md §4.1). */
    public CreditingRules crediting() {
        return awards.rules();
    }

    /** The crediting of awards (RULES.md §4.1). */
    public AwardCrediting awards() {
        return awards;
    }

    public Minimums yearlyMinimums() {
        return yearlyMinimums;
    }

    /** The conversion kinds of RULES.md §4.2, one class per kind. */
    public Conversions conversions() {
        return conversions;
    }

    /** The reliefs of RULES.md §6, one class per kind. */
    public Reliefs reliefs() {
        return reliefs;
    }

    /** The requirement for a purpose and level (a {@code TitleLevel} or {@code RecognitionPath} name). */
    public RequirementRule requirement(Purpose purpose, String level) {
        RequirementRule rule = requirements.get(purpose).get(level);
        if (rule == null) {
            throw new InvalidQueryException("level", "level '" + level + "' does not exist for " + purpose);
        }
        return rule;
    }

    /**
     * The tree a file extending this rule set is laid over: the resolved content before its
     * {@code sameAs} links and {@code ${id}} citations were resolved (see {@link RuleSetLayers}).
     */
    RuleTree.Mapping merged() {
        return merged;
    }

    /** The canonical content the version hashes: compact JSON with every object's keys sorted. */
    public String canonicalJson() {
        return canonicalJson;
    }

    /**
     * A variant of this rule set with some parameters changed (what-if): paths are the dotted
     * paths of {@link #parameters()}, values replace the parameters' {@code value}. The variant's
     * id is this id with {@code +variant}; its version is the hash of its own content. Citations
     * are kept: the variant says which clause it departs from.
     *
     * @throws RuleSetFormatException when a path names no parameter or a value is invalid
     */
    public RuleSet withParameters(Map<String, ?> changedParameters) {
        String variantId = id + "+variant";
        RuleTree.Mapping copy = content.deepCopy();
        copy.set("id", new RuleTree.Text(variantId));
        for (Map.Entry<String, ?> change : new TreeMap<>(changedParameters).entrySet()) {
            RuleTree node = copy;
            for (String key : change.getKey().split("\\.")) {
                node = node instanceof RuleTree.Mapping mapping ? mapping.get(key) : null;
                if (node == null) {
                    break;
                }
            }
            if (!(node instanceof RuleTree.Mapping parameter) || !parameter.has("value") || !parameter.has("citation")) {
                throw new RuleSetFormatException(variantId, change.getKey(), "names no parameter of " + id);
            }
            parameter.set("value", RuleTree.of(change.getValue()));
        }
        return RuleSetReader.compile(variantId, copy);
    }

    @Override
    public String toString() {
        return id + " (" + version + ")";
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
