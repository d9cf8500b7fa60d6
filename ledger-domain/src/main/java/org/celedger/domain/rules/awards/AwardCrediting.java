package org.celedger.domain.rules.awards;

import static org.celedger.domain.rules.ParamType.BOOL;
import static org.celedger.domain.rules.ParamType.POSITIVE_INT;
import static org.celedger.domain.rules.ParamType.enumSet;

import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.CreditAwarded;
import org.celedger.domain.practitioner.CreditRevoked;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.rules.Contribution;
import org.celedger.domain.rules.Hours;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.conversions.CreditYear;
import org.celedger.domain.rules.model.ActivityRule;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.CreditingRules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * How an award counts in a credit year (RULES.md §4.1): its hours, or its minutes at 45 minutes = 1 hour
 * truncated to one decimal (IM-MEASURES-2017 第十条 "每45分钟计一个学时", IM-2025 一(四) last paragraph,
 * NX-2022 一 by I-2); 0 when revoked or completed after the as-of date; and only toward the categories
 * its activity may serve under the rule set, else 0 with the reason:
 * <ul>
 *   <li>IM-2017: IM-2017 二(七)1, IM-2017 二(七)1,2 (bases and platforms), IM-MEASURES-2017 第十二条(一), IM-MEASURES-2017 第十二条(五) (degree study),
 *       IM-MEASURES-2017 第十二条(七) (academic events), IM-MEASURES-2017 第十二条(八) (institution training),
 *       IM-MEASURES-2017 第十二条(九) (other approved);</li>
 *   <li>IM-2022: IM-2022 一(一), IM-2022 一(一)(二), IM-2022 一(二), IM-2022 三(五) (teacher training), IM-2022 三(六) (academic
 *       events), IM-2022 三(八) (vocational skill training);</li>
 *   <li>IM-2025: IM-2025 一(四)1 (bases, platforms), IM-2025 一(四)2 (institution training, both categories
 *       for 事业单位 staff only), IM-2025 一(四)3, IM-2025 一(四)4, IM-2025 一(四)6, IM-2025 一(四)7;</li>
 *   <li>NX-2022: NX-2022 一(一) (platforms), NX-2022 一(三)1 (degree study).</li>
 * </ul>
 * The year it counts in is {@link MakeUp}'s (IM-2025 一(二), I-3). Keys {@code crediting.minutesPerHour},
 * {@code makeUp}, {@code activities.ACTIVITY.categories}, {@code onlyForSectors}, {@code otherSectorsCategories}.
 */
public final class AwardCrediting {

    private static final String EVENT_TYPE = "CreditAwarded";

    private final CreditingRules rules;

    private AwardCrediting(RuleSetNode c) {
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
        this.rules = new CreditingRules(minutes, makeUp, Collections.unmodifiableMap(activities));
    }

    /** Reads the {@code crediting} section of a rule set. */
    public static AwardCrediting read(RuleSetNode crediting) {
        return new AwardCrediting(crediting);
    }

    /** The parameters, as {@code RuleSet.crediting()} shows them. */
    public CreditingRules rules() {
        return rules;
    }

    /**
     * Credits an award to the year it counts in, if that year is in scope; when make-up moved it out of
     * its own year and that year is in scope too, the award is listed there with 0, so that year's
     * figure is explained.
     *
     * @param yearInScope     the credit year of a year in scope, null for a year out of it
     * @param sector          the practitioner's sector, which decides sector-limited activities
     * @param asOf            awards completed after it count 0 (null: no cut-off, as in the yearly view)
     * @param makeUpOfOwnYear whether make-up moves an award earned in a year (the rule of that year)
     */
    public void credit(AwardFact a, IntFunction<CreditYear> yearInScope, String ruleSetId, Sector sector,
                       LocalDate asOf, IntFunction<Cited<Boolean>> makeUpOfOwnYear) {
        CreditAwarded award = a.award();
        MakeUp makeUp = MakeUp.of(a, makeUpOfOwnYear);
        CreditYear ownYear = yearInScope.apply(award.year());
        if (makeUp.moved() && ownYear != null) {
            ownYear.add(new Contribution(a.fact().sequence(), EVENT_TYPE, award.awardId(), Hours.ZERO,
                    makeUp.citation(), award.category(), makeUp.leftOwnYear()));
        }
        CreditYear year = yearInScope.apply(makeUp.year());
        if (year == null) {
            return;
        }
        Cited<Set<Category>> allowed = rules.activities().get(award.activity()).allowedFor(sector);
        BigDecimal hours;
        String citation = allowed.cite();
        if (award.hours() != null) {
            hours = Hours.truncate(award.hours());
        } else {
            Cited<Integer> minutesPerHour = rules.minutesPerHour();
            int minutes = award.minutes() == null ? 0 : award.minutes();
            hours = Hours.ofMinutes(minutes, minutesPerHour.value());
            citation = citation + "; " + minutes + " min at " + minutesPerHour.value() + " min = 1 h: " + minutesPerHour.cite();
        }

        List<String> notes = new ArrayList<>(2);
        String makeUpNote = makeUp.note(ruleSetId);
        if (makeUpNote != null) {
            notes.add(makeUpNote);
        }
        BigDecimal counted = hours;
        if (a.revokedBy() != null) {
            CreditRevoked revocation = (CreditRevoked) a.revokedBy().event();
            counted = Hours.ZERO;
            notes.add("revoked by sequence " + a.revokedBy().sequence() + " (" + revocation.cause()
                    + (revocation.causeReference() == null ? "" : " " + revocation.causeReference()) + ": "
                    + revocation.reason() + "); was " + hours);
        } else if (asOf != null && award.completedOn() != null && award.completedOn().isAfter(asOf)) {
            counted = Hours.ZERO;
            notes.add("completed on " + award.completedOn() + ", after the as-of date " + asOf + "; was " + hours);
        } else if (!allowed.value().contains(award.category())) {
            counted = Hours.ZERO;
            notes.add(allowed.value().isEmpty()
                    ? award.activity() + " is not recognised under " + ruleSetId + "; was " + hours
                    : award.activity() + " may serve only " + allowed.value() + " under " + ruleSetId
                      + ", not " + award.category() + "; was " + hours);
        }
        year.add(new Contribution(a.fact().sequence(), EVENT_TYPE, award.awardId(), counted, citation,
                award.category(), notes.isEmpty() ? null : String.join("; ", notes)));
    }
}
