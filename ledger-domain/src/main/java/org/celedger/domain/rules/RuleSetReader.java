package org.celedger.domain.rules;

import static org.celedger.domain.rules.ParamType.BOOL;
import static org.celedger.domain.rules.ParamType.HOURS;
import static org.celedger.domain.rules.ParamType.INT;
import static org.celedger.domain.rules.ParamType.NON_NEGATIVE_INT;
import static org.celedger.domain.rules.ParamType.POSITIVE_INT;
import static org.celedger.domain.rules.ParamType.enumOf;
import static org.celedger.domain.rules.ParamType.enumSet;
import static org.celedger.domain.rules.ParamType.nullable;

import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.Minimums;
import org.celedger.domain.rules.model.RequirementRule;
import org.celedger.domain.rules.model.TrainingBaseRules;
import org.celedger.domain.rules.awards.AwardCrediting;
import org.celedger.domain.rules.conversions.Conversions;
import org.celedger.domain.rules.reliefs.Reliefs;
import org.celedger.domain.rules.requirements.Requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a resolved rule-set tree strictly ({@link RuleSetNode}): every key the schema names must be
 * there, no other key may be, and every parameter is a node {@code {value, citation, interpretation?}}.
 * The schema is the reading code itself, here and in the rule kinds that read their own keys.
 */
final class RuleSetReader {

    private final String file;
    private final List<Parameter> parameters = new ArrayList<>();

    private RuleSetReader(String file) {
        this.file = file;
    }

    /** Parses YAML text into a tree, naming the file on a syntax error. */
    static RuleTree.Mapping parse(String file, String yaml) {
        RuleTree root = RuleSetYaml.read(file, yaml);
        if (!(root instanceof RuleTree.Mapping mapping)) {
            throw new RuleSetFormatException(file, "", "a rule set is a YAML mapping");
        }
        return mapping;
    }

    /** Validates and compiles a complete rule-set tree (one that extends nothing, or a what-if variant's). */
    static RuleSet compile(String file, RuleTree.Mapping root) {
        return new RuleSetReader(file).read(root, root);
    }

    /**
     * Validates and compiles the resolved tree of a layered file; {@code merged} is the same before its
     * links and silences were resolved, which is what a file extending this one is laid over.
     */
    static RuleSet compile(String file, RuleTree.Mapping root, RuleTree.Mapping merged) {
        return new RuleSetReader(file).read(root, merged);
    }

    private RuleSet read(RuleTree.Mapping rootNode, RuleTree.Mapping merged) {
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

        AwardCrediting crediting = AwardCrediting.read(root.obj("crediting"));
        Minimums yearly = minimums(root.obj("yearlyMinimums"));
        Conversions conversions = Conversions.read(root.obj("conversions"));
        Map<Purpose, Map<String, RequirementRule>> requirements = Requirements.read(root.obj("requirements"));
        Reliefs reliefs = Reliefs.read(root.obj("reliefs"));
        TrainingBaseRules bases = trainingBases(root.obj("trainingBases"));
        root.end();

        return new RuleSet(id, jurisdiction, title, sources, firstYear, lastYear, crediting, yearly, conversions,
                requirements, reliefs, bases, List.copyOf(parameters), rootNode.deepCopy(), merged.deepCopy());
    }

    private Minimums minimums(RuleSetNode m) {
        Minimums result = new Minimums(m.param("public", HOURS), m.param("professional", HOURS), m.param("total", HOURS));
        m.end();
        return result;
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
