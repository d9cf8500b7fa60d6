package org.celedger.domain.rules;

import org.celedger.domain.practitioner.DegreeCompleted;
import org.celedger.domain.practitioner.ExemptionKind;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.PractitionerTransferred;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.practitioner.TransferKind;
import org.celedger.domain.rules.model.AgePartialMode;
import org.celedger.domain.rules.model.AgeRelief;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.CovidMode;
import org.celedger.domain.rules.model.ExceptionalMode;
import org.celedger.domain.rules.model.MasterDegreeMode;
import org.celedger.domain.rules.model.MasterDegreeRule;
import org.celedger.domain.rules.model.ProfileRelief;
import org.celedger.domain.rules.model.ReliefMode;
import org.celedger.domain.rules.model.ReliefRules;
import org.celedger.domain.rules.model.TransferMode;
import org.celedger.domain.practitioner.Degree;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the reliefs of RULES.md §6 whose condition holds for one evaluation, in the table's order,
 * and what each does: waive, make the hours a reference factor, cut years from the window, or
 * change the minimums. Age, sector and grassroots come from the profile at the as-of date;
 * exemptions, transfers and degrees from the facts. Reliefs apply only to the rule set's purposes.
 */
final class ReliefAssessment {

    private ReliefAssessment() {
    }

    static List<AppliedRelief> assess(RuleSet ruleSet, PractitionerFacts facts, PractitionerProfile profile,
                                      EligibilityQuery query, LocalDate asOf, int[] baseWindow) {
        ReliefRules rules = ruleSet.reliefs();
        List<AppliedRelief> applied = new ArrayList<>(2);
        if (!rules.purposes().value().contains(query.purpose())) {
            return applied;
        }
        int e = query.year();
        int age = profile.birthDate() == null ? -1 : Period.between(profile.birthDate(), asOf).getYears();

        // Age, full then partial (I-9: at the as-of date; a birthday on that date counts).
        AgeRelief<ReliefMode> full = rules.ageFull();
        if (full.mode().value() != ReliefMode.NONE && reaches(profile, age, full)) {
            applied.add(new AppliedRelief(ReliefKind.AGE_FULL, effectOf(full.mode().value()), full.mode().cite(),
                    ageDetail(profile, age, full)));
        }
        AgeRelief<AgePartialMode> partial = rules.agePartial();
        if (partial.mode().value() != AgePartialMode.NONE && reaches(profile, age, partial)) {
            applied.add(new AppliedRelief(ReliefKind.AGE_PARTIAL, ReliefEffect.REQUIREMENT_MODIFIER, partial.mode().cite(),
                    ageDetail(profile, age, partial) + "; " + describe(partial.mode().value())));
        }

        // Derived from the profile: non-public sector, grassroots post.
        if (profile.sector() == Sector.NON_PUBLIC) {
            profileRelief(applied, ReliefKind.NON_PUBLIC_SECTOR, rules.nonPublicSector(), e, "sector NON_PUBLIC at " + asOf);
        }
        if (Boolean.TRUE.equals(profile.grassroots())) {
            profileRelief(applied, ReliefKind.GRASSROOTS, rules.grassroots(), e, "grassroots post (苏木乡镇等基层一线) at " + asOf);
        }

        // COVID_FRONTLINE exemptions.
        Cited<CovidMode> covid = rules.covidFrontline();
        if (covid.value() != CovidMode.NONE) {
            Set<Integer> years = new TreeSet<>();
            List<String> ids = new ArrayList<>();
            for (PractitionerFacts.Exemption x : facts.exemptions) {
                if (x.revokedBy == null && x.exemption.kind() == ExemptionKind.COVID_FRONTLINE) {
                    ids.add(x.exemption.exemptionId() + " (sequence " + x.fact.sequence() + ")");
                    if (x.exemption.years() != null) {
                        years.addAll(x.exemption.years());
                    }
                }
            }
            if (!ids.isEmpty()) {
                if (covid.value() == CovidMode.WAIVED) {
                    applied.add(new AppliedRelief(ReliefKind.COVID_FRONTLINE, ReliefEffect.WAIVED, covid.cite(),
                            "exemption " + String.join(", ", ids) + "; waived whatever its years"));
                } else {
                    cut(applied, ReliefKind.COVID_FRONTLINE, covid.cite(), baseWindow, years::contains,
                            "exemption " + String.join(", ", ids) + " for the years " + years);
                }
            }
        }

        // Transfer from a government organ (转任) in year T, effective by the as-of date.
        Cited<TransferMode> transferRule = rules.governmentTransfer();
        if (transferRule.value() != TransferMode.NONE) {
            RecordedFact latest = null;
            for (RecordedFact t : facts.transfers) {
                PractitionerTransferred transfer = (PractitionerTransferred) t.event();
                if (transfer.kind() == TransferKind.FROM_GOVERNMENT_ORGAN && transfer.effectiveDate() != null
                        && !transfer.effectiveDate().isAfter(asOf) && transfer.effectiveDate().getYear() <= e) {
                    latest = t;
                }
            }
            if (latest != null) {
                PractitionerTransferred transfer = (PractitionerTransferred) latest.event();
                int t = transfer.effectiveDate().getYear();
                String what = "transfer " + transfer.transferId() + " (sequence " + latest.sequence()
                        + ") from a government organ effective " + transfer.effectiveDate();
                if (t == e) {
                    applied.add(new AppliedRelief(ReliefKind.GOVERNMENT_TRANSFER, ReliefEffect.WAIVED, transferRule.cite(),
                            what + ", in the evaluation year"));
                } else {
                    cut(applied, ReliefKind.GOVERNMENT_TRANSFER, transferRule.cite(), baseWindow, y -> y <= t,
                            what + "; only years after " + t + " count");
                }
            }
        }

        // POSTDOC exemption, for the levels named.
        if (rules.postdoc().mode().value() != ReliefMode.NONE) {
            for (PractitionerFacts.Exemption x : facts.exemptions) {
                if (x.revokedBy == null && x.exemption.kind() == ExemptionKind.POSTDOC) {
                    boolean level = query.purpose() == Purpose.TITLE_EVALUATION
                            && rules.postdoc().levels().value().contains(TitleLevel.valueOf(query.level()));
                    applied.add(new AppliedRelief(ReliefKind.POSTDOC,
                            level ? effectOf(rules.postdoc().mode().value()) : ReliefEffect.NONE,
                            level ? rules.postdoc().mode().cite() : rules.postdoc().levels().cite(),
                            "exemption " + x.exemption.exemptionId() + " (sequence " + x.fact.sequence() + ")"
                                    + (level ? "" : "; applies only to " + rules.postdoc().levels().value())));
                    break;
                }
            }
        }

        // Exceptional promotion (破格): years after the current title was obtained.
        Cited<ExceptionalMode> exceptional = rules.exceptionalPromotion();
        if (query.exceptional() && exceptional.value() != ExceptionalMode.NONE) {
            LocalDate obtained = profile.titleObtainedOn();
            if (obtained == null) {
                applied.add(new AppliedRelief(ReliefKind.EXCEPTIONAL_PROMOTION, ReliefEffect.NONE, exceptional.cite(),
                        "exceptional application, but the profile has no date for the current title"));
            } else {
                int obtainedYear = obtained.getYear();
                cut(applied, ReliefKind.EXCEPTIONAL_PROMOTION, exceptional.cite(), baseWindow, y -> y <= obtainedYear,
                        "exceptional application; current title obtained " + obtained + ", only years after " + obtainedYear + " count");
            }
        }

        // A degree enrolled and graduated inside the (unmodified) window.
        Cited<ReliefMode> degreeRule = rules.degreeInWindow();
        if (degreeRule.value() != ReliefMode.NONE) {
            int first = baseWindow[0];
            int last = baseWindow[baseWindow.length - 1];
            for (PractitionerFacts.Conversion c : facts.conversions) {
                if (c.revokedBy == null && c.conversion instanceof DegreeCompleted d
                        && d.enrolledOn() != null && d.graduatedOn() != null && !d.graduatedOn().isAfter(asOf)
                        && d.enrolledOn().getYear() >= first && d.graduatedOn().getYear() <= last) {
                    applied.add(new AppliedRelief(ReliefKind.DEGREE_IN_WINDOW, effectOf(degreeRule.value()), degreeRule.cite(),
                            "degree " + d.conversionId() + " (sequence " + c.fact.sequence() + ") enrolled " + d.enrolledOn()
                                    + " and graduated " + d.graduatedOn() + ", inside " + first + "–" + last));
                    break;
                }
            }
        }

        // NX master's degree (I-6): years in the current post, per-year amounts.
        MasterDegreeRule master = rules.masterDegree();
        if (master.mode().value() == MasterDegreeMode.PRORATE_BY_YEARS_IN_POST
                && query.purpose() == Purpose.TITLE_EVALUATION
                && master.levels().value().contains(TitleLevel.valueOf(query.level()))
                && profile.degree() == Degree.MASTER) {
            LocalDate obtained = profile.titleObtainedOn();
            int obtainedYear = obtained == null ? Integer.MIN_VALUE : obtained.getYear();
            Set<Integer> cut = new TreeSet<>();
            for (int y : baseWindow) {
                if (y <= obtainedYear) {
                    cut.add(y);
                }
            }
            applied.add(new AppliedRelief(ReliefKind.MASTER_DEGREE, ReliefEffect.REQUIREMENT_MODIFIER, master.mode().cite(),
                    "master's degree; current title obtained " + obtained + ": the window keeps the years after it, "
                            + master.perYearTotal().value() + " h and " + master.perYearPublic().value() + " h PUBLIC per year kept",
                    cut));
        }
        return applied;
    }

    private static boolean reaches(PractitionerProfile profile, int age, AgeRelief<?> relief) {
        if (age < 0 || profile.gender() == null) {
            return false;
        }
        return age >= (profile.gender() == Gender.MALE ? relief.menAge().value() : relief.womenAge().value());
    }

    private static String ageDetail(PractitionerProfile profile, int age, AgeRelief<?> relief) {
        int threshold = profile.gender() == Gender.MALE ? relief.menAge().value() : relief.womenAge().value();
        return profile.gender() + " born " + profile.birthDate() + ", aged " + age + " at the as-of date (≥ " + threshold
                + ", " + (profile.gender() == Gender.MALE ? relief.menAge().cite() : relief.womenAge().cite()) + ")";
    }

    private static String describe(AgePartialMode mode) {
        return switch (mode) {
            case ONE_THIRD_OF_WINDOW_TOTAL -> "one third of the window total, participation not required";
            case ONE_THIRD_OF_MINIMUMS -> "one third of the window's summed minimums per category";
            case ANY_ONE_YEAR -> "any one year of the window meeting the yearly minimums suffices";
            case NONE -> "";
        };
    }

    private static void profileRelief(List<AppliedRelief> applied, ReliefKind kind, ProfileRelief rule, int e, String why) {
        if (rule.mode().value() == ReliefMode.NONE) {
            return;
        }
        Integer last = rule.lastEvaluationYear().value();
        if (last != null && e > last) {
            applied.add(new AppliedRelief(kind, ReliefEffect.NONE, rule.lastEvaluationYear().cite(),
                    why + "; the relief is for evaluation years up to " + last));
        } else {
            applied.add(new AppliedRelief(kind, effectOf(rule.mode().value()), rule.mode().cite(), why));
        }
    }

    private static void cut(List<AppliedRelief> applied, ReliefKind kind, String citation, int[] window,
                            java.util.function.IntPredicate removes, String why) {
        Set<Integer> cut = new TreeSet<>();
        for (int y : window) {
            if (removes.test(y)) {
                cut.add(y);
            }
        }
        applied.add(new AppliedRelief(kind, cut.isEmpty() ? ReliefEffect.NONE : ReliefEffect.WINDOW_CUT, citation,
                why + (cut.isEmpty() ? "; no year of the window is affected" : "; removes " + cut), cut));
    }

    private static ReliefEffect effectOf(ReliefMode mode) {
        return mode == ReliefMode.WAIVED ? ReliefEffect.WAIVED : mode == ReliefMode.NOT_LIMITING ? ReliefEffect.NOT_LIMITING : ReliefEffect.NONE;
    }
}
