package org.celedger.domain.rules.requirements;

import static org.celedger.domain.rules.ParamType.enumOf;

import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.rules.Purpose;
import org.celedger.domain.rules.RecognitionPath;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.RequirementKind;
import org.celedger.domain.rules.model.RequirementRule;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The section {@code requirements} of a rule set (RULES.md §5): per purpose and level a {@code kind},
 * and the keys of that kind, read by its class ({@link YearlyRequirement}, {@link WindowRequirement}).
 * A level {@code NO_RULE} (the rule set states nothing: IM-2017 三(二) names no doctor's recognition,
 * NX-2022 一(二) no junior title or recognition) or {@code WAIVED} (no hours are required: IM-2022 二(二)
 * "博士研究生认定中级职称不要求继续教育学时") has no other key; the engine answers it before any relief.
 */
public final class Requirements {

    private Requirements() {
    }

    /** Reads every level of both purposes; a level missing or unknown fails the rule set. */
    public static Map<Purpose, Map<String, RequirementRule>> read(RuleSetNode r) {
        Map<Purpose, Map<String, RequirementRule>> result = new EnumMap<>(Purpose.class);
        RuleSetNode title = r.obj(Purpose.TITLE_EVALUATION.name());
        Map<String, RequirementRule> titles = new HashMap<>();
        for (TitleLevel level : TitleLevel.values()) {
            if (level != TitleLevel.NONE) {
                titles.put(level.name(), level(title.obj(level.name())));
            }
        }
        title.end();
        RuleSetNode recognition = r.obj(Purpose.ASSESSMENT_RECOGNITION.name());
        Map<String, RequirementRule> paths = new HashMap<>();
        for (RecognitionPath path : RecognitionPath.values()) {
            paths.put(path.name(), level(recognition.obj(path.name())));
        }
        recognition.end();
        r.end();
        result.put(Purpose.TITLE_EVALUATION, Map.copyOf(titles));
        result.put(Purpose.ASSESSMENT_RECOGNITION, Map.copyOf(paths));
        return Collections.unmodifiableMap(result);
    }

    private static RequirementRule level(RuleSetNode level) {
        Cited<RequirementKind> kind = level.param("kind", enumOf(RequirementKind.class));
        RequirementRule rule = switch (kind.value()) {
            // Nothing else belongs to a level without hours.
            case NO_RULE, WAIVED -> new RequirementRule(kind, null, null, null, null, null, null);
            case YEARLY -> YearlyRequirement.read(kind, level);
            case WINDOW -> WindowRequirement.read(kind, level);
        };
        level.end();
        return rule;
    }
}
