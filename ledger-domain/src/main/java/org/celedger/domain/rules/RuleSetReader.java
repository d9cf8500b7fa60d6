package org.celedger.domain.rules;

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
import org.celedger.domain.rules.model.AgePartialMode;
import org.celedger.domain.rules.model.AgeRelief;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.ConversionRules;
import org.celedger.domain.rules.model.CovidMode;
import org.celedger.domain.rules.model.CreditingRules;
import org.celedger.domain.rules.model.DegreeEffect;
import org.celedger.domain.rules.model.DegreeRule;
import org.celedger.domain.rules.model.ExamCreditEffect;
import org.celedger.domain.rules.model.ExamCreditRule;
import org.celedger.domain.rules.model.ExceptionalMode;
import org.celedger.domain.rules.model.LevelRelief;
import org.celedger.domain.rules.model.MasterDegreeMode;
import org.celedger.domain.rules.model.MasterDegreeRule;
import org.celedger.domain.rules.model.Minimums;
import org.celedger.domain.rules.model.ProfileRelief;
import org.celedger.domain.rules.model.QualificationExamEffect;
import org.celedger.domain.rules.model.QualificationExamRule;
import org.celedger.domain.rules.model.RateRule;
import org.celedger.domain.rules.model.ReliefMode;
import org.celedger.domain.rules.model.ReliefRules;
import org.celedger.domain.rules.model.RequirementKind;
import org.celedger.domain.rules.model.RequirementRule;
import org.celedger.domain.rules.model.TrainingBaseRules;
import org.celedger.domain.rules.model.TransferMode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a rule-set file strictly: every key the schema names must be there, no other key may be,
 * and every parameter is a node {@code {value, citation, interpretation?}}. The schema is the
 * reading code itself: each object remembers which keys were read and rejects the rest, so the
 * schema and the model cannot drift apart.
 */
final class RuleSetReader {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern INTERPRETATION = Pattern.compile("I-[0-9]+");

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
        Obj root = new Obj(rootNode, "");
        String id = root.text("id");
        Jurisdiction jurisdiction = root.enumText("jurisdiction", Jurisdiction.class);
        String title = root.text("title");
        List<RuleSetSource> sources = new ArrayList<>();
        for (Obj s : root.objList("sources")) {
            sources.add(new RuleSetSource(s.text("id"), s.text("document"), s.text("file")));
            s.end();
        }

        Obj serves = root.obj("serves");
        Cited<Integer> firstYear = serves.param("firstYear", INT);
        Cited<Integer> lastYear = serves.param("lastYear", nullable(INT));
        serves.end();
        if (lastYear.value() != null && lastYear.value() < firstYear.value()) {
            throw fail("serves.lastYear", "lastYear " + lastYear.value() + " is before firstYear " + firstYear.value());
        }

        CreditingRules crediting = crediting(root.obj("crediting"));
        Minimums yearly = minimums(root.obj("yearlyMinimums"));
        ConversionRules conversions = conversions(root.obj("conversions"));
        Map<Purpose, Map<String, RequirementRule>> requirements = requirements(root.obj("requirements"));
        ReliefRules reliefs = reliefs(root.obj("reliefs"));
        TrainingBaseRules bases = trainingBases(root.obj("trainingBases"));
        root.end();

        return new RuleSet(id, jurisdiction, title, sources, firstYear, lastYear, crediting, yearly, conversions,
                requirements, reliefs, bases, List.copyOf(parameters), rootNode.deepCopy(), merged.deepCopy());
    }

    private CreditingRules crediting(Obj c) {
        Cited<Integer> minutes = c.param("minutesPerHour", POSITIVE_INT);
        Cited<Boolean> makeUp = c.param("makeUp", BOOL);
        Obj a = c.obj("activities");
        Map<Activity, ActivityRule> activities = new EnumMap<>(Activity.class);
        for (Activity activity : Activity.values()) {
            Obj r = a.obj(activity.name());
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

    private Minimums minimums(Obj m) {
        Minimums result = new Minimums(m.param("public", HOURS), m.param("professional", HOURS), m.param("total", HOURS));
        m.end();
        return result;
    }

    private ConversionRules conversions(Obj c) {
        Obj q = c.obj("qualificationExam");
        QualificationExamRule qualification = new QualificationExamRule(
                q.param("effect", enumOf(QualificationExamEffect.class)),
                q.param("category", enumOf(Category.class)),
                q.param("hours", nullable(HOURS)),
                q.param("requiresInRegion", BOOL),
                q.param("requiresTitleLevels", enumSet(TitleLevel.class)));
        q.end();
        if (qualification.effect().value() == QualificationExamEffect.ADD_HOURS && qualification.hours().value() == null) {
            throw fail("conversions.qualificationExam.hours", "ADD_HOURS needs a number of hours");
        }
        ExamCreditRule language = examCredit(c.obj("titleLanguageExam"), false);
        ExamCreditRule computer = examCredit(c.obj("computerExam"), true);
        RateRule lecturing = rate(c.obj("lecturing"), "hoursPerHourTaught");
        RateRule studyTour = rate(c.obj("studyTour"), "hoursPerDay");
        Obj d = c.obj("degree");
        DegreeRule degree = new DegreeRule(d.param("effect", enumOf(DegreeEffect.class)), d.param("category", enumOf(Category.class)));
        d.end();
        c.end();
        return new ConversionRules(qualification, language, computer, lecturing, studyTour, degree);
    }

    private ExamCreditRule examCredit(Obj e, boolean modules) {
        Cited<ExamCreditEffect> effect = e.param("effect", enumOf(ExamCreditEffect.class));
        Cited<Category> category = e.param("category", enumOf(Category.class));
        Cited<BigDecimal> hours = e.param("hours", HOURS);
        // Only the computer exam is passed in modules; a language exam has no perModule key.
        Cited<Boolean> perModule = modules ? e.param("perModule", BOOL) : new Cited<>(false, "n/a", null);
        Cited<Integer> last = e.param("lastEvaluationYear", nullable(INT));
        e.end();
        return new ExamCreditRule(effect, category, hours, perModule, last);
    }

    private RateRule rate(Obj r, String rateKey) {
        RateRule rule = new RateRule(r.param(rateKey, HOURS), r.param("category", enumOf(Category.class)));
        r.end();
        return rule;
    }

    private Map<Purpose, Map<String, RequirementRule>> requirements(Obj r) {
        Map<Purpose, Map<String, RequirementRule>> result = new EnumMap<>(Purpose.class);
        Obj title = r.obj(Purpose.TITLE_EVALUATION.name());
        Map<String, RequirementRule> titles = new java.util.HashMap<>();
        for (TitleLevel level : TitleLevel.values()) {
            if (level != TitleLevel.NONE) {
                titles.put(level.name(), requirement(title.obj(level.name())));
            }
        }
        title.end();
        Obj recognition = r.obj(Purpose.ASSESSMENT_RECOGNITION.name());
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

    private RequirementRule requirement(Obj q) {
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

    private ReliefRules reliefs(Obj r) {
        Cited<Set<Purpose>> purposes = r.param("purposes", enumSet(Purpose.class));
        Obj af = r.obj("ageFull");
        AgeRelief<ReliefMode> ageFull = new AgeRelief<>(af.param("mode", enumOf(ReliefMode.class)),
                af.param("menAge", POSITIVE_INT), af.param("womenAge", POSITIVE_INT));
        af.end();
        Obj ap = r.obj("agePartial");
        AgeRelief<AgePartialMode> agePartial = new AgeRelief<>(ap.param("mode", enumOf(AgePartialMode.class)),
                ap.param("menAge", POSITIVE_INT), ap.param("womenAge", POSITIVE_INT));
        ap.end();
        ProfileRelief nonPublic = profileRelief(r.obj("nonPublicSector"));
        ProfileRelief grassroots = profileRelief(r.obj("grassroots"));
        Cited<CovidMode> covid = r.param("covidFrontline", enumOf(CovidMode.class));
        Cited<TransferMode> transfer = r.param("governmentTransfer", enumOf(TransferMode.class));
        Obj pd = r.obj("postdoc");
        LevelRelief postdoc = new LevelRelief(pd.param("mode", enumOf(ReliefMode.class)), pd.param("levels", enumSet(TitleLevel.class)));
        pd.end();
        Cited<ExceptionalMode> exceptional = r.param("exceptionalPromotion", enumOf(ExceptionalMode.class));
        Cited<ReliefMode> degree = r.param("degreeInWindow", enumOf(ReliefMode.class));
        Obj md = r.obj("masterDegree");
        MasterDegreeRule master = new MasterDegreeRule(md.param("mode", enumOf(MasterDegreeMode.class)),
                md.param("levels", enumSet(TitleLevel.class)),
                md.param("perYearTotal", nullable(HOURS)), md.param("perYearPublic", nullable(HOURS)));
        md.end();
        if (master.mode().value() != MasterDegreeMode.NONE
                && (master.perYearTotal().value() == null || master.perYearPublic().value() == null)) {
            throw fail("reliefs.masterDegree", "PRORATE_BY_YEARS_IN_POST needs perYearTotal and perYearPublic");
        }
        r.end();
        return new ReliefRules(purposes, ageFull, agePartial, nonPublic, grassroots, covid, transfer, postdoc,
                exceptional, degree, master);
    }

    private ProfileRelief profileRelief(Obj p) {
        ProfileRelief relief = new ProfileRelief(p.param("mode", enumOf(ReliefMode.class)),
                p.param("lastEvaluationYear", nullable(INT)));
        p.end();
        return relief;
    }

    private TrainingBaseRules trainingBases(Obj b) {
        TrainingBaseRules rules = new TrainingBaseRules(b.param("planDaysBeforeStart", nullable(NON_NEGATIVE_INT)),
                b.param("rosterDaysAfterEnd", nullable(NON_NEGATIVE_INT)),
                b.param("maxHoursPerInPersonDay", POSITIVE_INT));
        b.end();
        return rules;
    }

    private RuleSetFormatException fail(String path, String problem) {
        return new RuleSetFormatException(file, path, problem);
    }

    // ---- value types -------------------------------------------------------------------------

    /** Parses a parameter's value node; {@code null} values reach a type only through {@link #nullable}. */
    @FunctionalInterface
    private interface Type<T> {
        T parse(JsonNode value, String path, RuleSetReader reader);
    }

    private static <T> Type<T> nullable(Type<T> type) {
        return (v, path, r) -> v.isNull() ? null : type.parse(v, path, r);
    }

    private static final Type<Integer> INT = (v, path, r) -> {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw r.fail(path, "expected a whole number, found " + v);
        }
        return v.intValue();
    };

    private static final Type<Integer> POSITIVE_INT = (v, path, r) -> {
        int i = INT.parse(v, path, r);
        if (i <= 0) {
            throw r.fail(path, "expected a number above 0, found " + i);
        }
        return i;
    };

    private static final Type<Integer> NON_NEGATIVE_INT = (v, path, r) -> {
        int i = INT.parse(v, path, r);
        if (i < 0) {
            throw r.fail(path, "expected a number of 0 or more, found " + i);
        }
        return i;
    };

    /** Hours: a non-negative number kept to one decimal place (RULES.md §1). */
    private static final Type<BigDecimal> HOURS = (v, path, r) -> {
        if (!v.isNumber()) {
            throw r.fail(path, "expected a number of hours, found " + v);
        }
        BigDecimal d = v.decimalValue();
        if (d.signum() < 0 || d.stripTrailingZeros().scale() > 1) {
            throw r.fail(path, "expected hours of 0 or more with at most one decimal, found " + v);
        }
        return d.setScale(1, RoundingMode.UNNECESSARY);
    };

    private static final Type<Boolean> BOOL = (v, path, r) -> {
        if (!v.isBoolean()) {
            throw r.fail(path, "expected true or false, found " + v);
        }
        return v.booleanValue();
    };

    private static <E extends Enum<E>> Type<E> enumOf(Class<E> type) {
        return (v, path, r) -> r.enumValue(v, type, path);
    }

    private static <E extends Enum<E>> Type<Set<E>> enumSet(Class<E> type) {
        return (v, path, r) -> {
            if (!v.isArray()) {
                throw r.fail(path, "expected a list of " + type.getSimpleName() + " names, found " + v);
            }
            EnumSet<E> set = EnumSet.noneOf(type);
            for (JsonNode item : v) {
                if (!set.add(r.enumValue(item, type, path))) {
                    throw r.fail(path, "lists " + item.asText() + " twice");
                }
            }
            return Collections.unmodifiableSet(set);
        };
    }

    private <E extends Enum<E>> E enumValue(JsonNode v, Class<E> type, String path) {
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
        throw fail(path, "expected one of " + names + ", found " + v);
    }

    // ---- strict objects -----------------------------------------------------------------------

    /** An object of the file being read; {@link #end()} rejects the keys nobody asked for. */
    private final class Obj {
        private final JsonNode node;
        private final String path;
        private final Set<String> read = new HashSet<>();

        Obj(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        private String at(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        private JsonNode required(String key) {
            read.add(key);
            JsonNode child = node.get(key);
            if (child == null) {
                throw fail(at(key), "missing key");
            }
            return child;
        }

        boolean has(String key) {
            return node.has(key);
        }

        Obj obj(String key) {
            JsonNode child = required(key);
            if (!child.isObject()) {
                throw fail(at(key), "expected a mapping, found " + child.getNodeType());
            }
            return new Obj(child, at(key));
        }

        String text(String key) {
            JsonNode child = required(key);
            if (!child.isTextual() || child.textValue().isBlank()) {
                throw fail(at(key), "expected a non-empty text");
            }
            return child.textValue();
        }

        <E extends Enum<E>> E enumText(String key, Class<E> type) {
            return enumValue(required(key), type, at(key));
        }

        List<Obj> objList(String key) {
            JsonNode child = required(key);
            if (!child.isArray() || child.isEmpty()) {
                throw fail(at(key), "expected a non-empty list");
            }
            List<Obj> list = new ArrayList<>();
            for (int i = 0; i < child.size(); i++) {
                JsonNode item = child.get(i);
                if (!item.isObject()) {
                    throw fail(at(key) + "[" + i + "]", "expected a mapping");
                }
                list.add(new Obj(item, at(key) + "[" + i + "]"));
            }
            return list;
        }

        /** A parameter: {@code {value, citation, interpretation?}}; recorded for the parameter listing. */
        <T> Cited<T> param(String key, Type<T> type) {
            Obj p = obj(key);
            String paramPath = at(key);
            JsonNode value = p.required("value");
            String citation = p.text("citation");
            String interpretation = null;
            if (p.has("interpretation")) {
                interpretation = p.text("interpretation");
                if (!INTERPRETATION.matcher(interpretation).matches()) {
                    throw fail(p.at("interpretation"), "expected an interpretation id like I-3, found " + interpretation);
                }
            }
            p.end();
            T parsed = type.parse(value, p.at("value"), RuleSetReader.this);
            Object plain = YAML.convertValue(value, Object.class);
            parameters.add(new Parameter(paramPath, plain instanceof List<?> list ? List.copyOf(list) : plain, citation, interpretation));
            return new Cited<>(parsed, citation, interpretation);
        }

        void end() {
            Set<String> unknown = new TreeSet<>();
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!read.contains(name)) {
                    unknown.add(name);
                }
            }
            if (!unknown.isEmpty()) {
                throw fail(at(unknown.iterator().next()), "unknown key" + (unknown.size() > 1 ? " (also " + unknown + ")" : ""));
            }
        }
    }
}
