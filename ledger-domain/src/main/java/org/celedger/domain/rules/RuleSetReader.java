package org.celedger.domain.rules;

import static org.celedger.domain.rules.ParamType.BOOL;
import static org.celedger.domain.rules.ParamType.HOURS;
import static org.celedger.domain.rules.ParamType.INT;
import static org.celedger.domain.rules.ParamType.NON_NEGATIVE_INT;
import static org.celedger.domain.rules.ParamType.POSITIVE_INT;
import static org.celedger.domain.rules.ParamType.enumOf;
import static org.celedger.domain.rules.ParamType.enumSet;
import static org.celedger.domain.rules.ParamType.nullable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.rules.model.ActivityRule;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.CreditingRules;
import org.celedger.domain.rules.model.Minimums;
import org.celedger.domain.rules.model.RequirementKind;
import org.celedger.domain.rules.model.RequirementRule;
import org.celedger.domain.rules.model.TrainingBaseRules;
import org.celedger.domain.rules.conversions.Conversions;
import org.celedger.domain.rules.reliefs.Reliefs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a resolved rule-set tree strictly ({@link RuleSetNode}): every key the schema names must be
 * there, no other key may be, and every parameter is a node {@code {value, citation, interpretation?}}.
 * The schema is the reading code itself, here and in the rule kinds that read their own keys.
 */
final class RuleSetReader {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String file;
    private final List<Parameter> parameters = new ArrayList<>();

    private RuleSetReader(String file) {
        this.file = file;
    }

    /** Parses YAML text into a tree, naming the file on a syntax error. */
    static ObjectNode parse(String file, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new RuleSetFormatException(file, "", "not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new RuleSetFormatException(file, "", "a rule set is a YAML mapping");
        }
        return (ObjectNode) root;
    }

    /** Validates and compiles a complete rule-set tree (one that extends nothing, or a what-if variant's). */
    static RuleSet compile(String file, ObjectNode root) {
        return new RuleSetReader(file).read(root, root);
    }

    /**
     * Validates and compiles the resolved tree of a layered file; {@code merged} is the same before its
     * links and silences were resolved, which is what a file extending this one is laid over.
     */
    static RuleSet compile(String file, ObjectNode root, ObjectNode merged) {
        return new RuleSetReader(file).read(root, merged);
    }

    private RuleSet read(ObjectNode rootNode, ObjectNode merged) {
        RuleSetNode root = new RuleSetNode(file, parameters, rootNode, "");
        String id = root.text("id");
        Jurisdiction jurisdiction = root.enumText("jurisdiction", Jurisdiction.class);
        String title = root.text("title");
        List<RuleSetSource> sources = new ArrayList<>();
        for (RuleSetNode s : root.objList("sources")) {
            sources.add(new RuleSetSource(s.text("id"), s.text("document"), s.text("file")));
            s.end();
        }

        RuleSetNode serves = root.obj("serves");
        Cited<Integer> firstYear = serves.param("firstYear", INT);
        Cited<Integer> lastYear = serves.param("lastYear", nullable(INT));
        serves.end();
        if (lastYear.value() != null && lastYear.value() < firstYear.value()) {
            throw fail("serves.lastYear", "lastYear " + lastYear.value() + " is before firstYear " + firstYear.value());
        }

        CreditingRules crediting = crediting(root.obj("crediting"));
        Minimums yearly = minimums(root.obj("yearlyMinimums"));
        Conversions conversions = Conversions.read(root.obj("conversions"));
        Map<Purpose, Map<String, RequirementRule>> requirements = requirements(root.obj("requirements"));
        Reliefs reliefs = Reliefs.read(root.obj("reliefs"));
        TrainingBaseRules bases = trainingBases(root.obj("trainingBases"));
        root.end();

        return new RuleSet(id, jurisdiction, title, sources, firstYear, lastYear, crediting, yearly, conversions,
                requirements, reliefs, bases, List.copyOf(parameters), rootNode.deepCopy(), merged.deepCopy());
    }

    private CreditingRules crediting(RuleSetNode c) {
        Cited<Integer> minutes = c.param("minutesPerHour", POSITIVE_INT);
        Cited<Boolean> makeUp = c.param("makeUp", BOOL);
        RuleSetNode a = c.obj("activities");
        Map<Activity, ActivityRule> activities = new EnumMap<>(Activity.class);
        for (Activity activity : Activity.values()) {
            RuleSetNode r = a.obj(activity.name());
            Cited<Set<Category>> categories = r.param("categories", enumSet(Category.class));
            Cited<Set<Sector>> onlyFor = null;
            Cited<Set<Category>> others = null;
            // The sector condition is optional, but its two keys come together.
            if (r.has("onlyForSectors") || r.has("otherSectorsCategories")) {
                onlyFor = r.param("onlyForSectors", enumSet(Sector.class));
                others = r.param("otherSectorsCategories", enumSet(Category.class));
            }
            r.end();
            activities.put(activity, new ActivityRule(categories, onlyFor, others));
        }
        a.end();
        c.end();
        return new CreditingRules(minutes, makeUp, Collections.unmodifiableMap(activities));
    }

    private Minimums minimums(RuleSetNode m) {
        Minimums result = new Minimums(m.param("public", HOURS), m.param("professional", HOURS), m.param("total", HOURS));
        m.end();
        return result;
    }

    private Map<Purpose, Map<String, RequirementRule>> requirements(RuleSetNode r) {
        Map<Purpose, Map<String, RequirementRule>> result = new EnumMap<>(Purpose.class);
        RuleSetNode title = r.obj(Purpose.TITLE_EVALUATION.name());
        Map<String, RequirementRule> titles = new java.util.HashMap<>();
        for (TitleLevel level : TitleLevel.values()) {
            if (level != TitleLevel.NONE) {
                titles.put(level.name(), requirement(title.obj(level.name())));
            }
        }
        title.end();
        RuleSetNode recognition = r.obj(Purpose.ASSESSMENT_RECOGNITION.name());
        Map<String, RequirementRule> paths = new java.util.HashMap<>();
        for (RecognitionPath path : RecognitionPath.values()) {
            paths.put(path.name(), requirement(recognition.obj(path.name())));
        }
        recognition.end();
        r.end();
        result.put(Purpose.TITLE_EVALUATION, Map.copyOf(titles));
        result.put(Purpose.ASSESSMENT_RECOGNITION, Map.copyOf(paths));
        return Collections.unmodifiableMap(result);
    }

    private RequirementRule requirement(RuleSetNode q) {
        Cited<RequirementKind> kind = q.param("kind", enumOf(RequirementKind.class));
        if (kind.value() == RequirementKind.NO_RULE || kind.value() == RequirementKind.WAIVED) {
            q.end(); // nothing else belongs to a level without hours
            return new RequirementRule(kind, null, null, null, null, null, null);
        }
        RequirementRule rule = new RequirementRule(kind,
                q.param("length", POSITIVE_INT), q.param("offset", INT),
                q.param("public", nullable(HOURS)), q.param("professional", nullable(HOURS)),
                q.param("total", nullable(HOURS)), q.param("participation", BOOL));
        q.end();
        return rule;
    }

    private TrainingBaseRules trainingBases(RuleSetNode b) {
        TrainingBaseRules rules = new TrainingBaseRules(b.param("planDaysBeforeStart", nullable(NON_NEGATIVE_INT)),
                b.param("rosterDaysAfterEnd", nullable(NON_NEGATIVE_INT)),
                b.param("maxHoursPerInPersonDay", POSITIVE_INT));
        b.end();
        return rules;
    }

    private RuleSetFormatException fail(String path, String problem) {
        return new RuleSetFormatException(file, path, problem);
    }
}
